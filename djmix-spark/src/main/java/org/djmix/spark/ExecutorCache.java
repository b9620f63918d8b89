package org.djmix.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor JVM loads once and its tasks share: the test images' list and the models. Kept
 * for the JVM's life, as Spark keeps executors between jobs.
 */
final class ExecutorCache {

    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();

    private ExecutorCache() {}

    /** Loads a value. */
    @FunctionalInterface
    interface Loader<T> {

        /**
         * Loads it.
         *
         * @return the value
         * @throws IOException if it cannot be read
         */
        T load() throws IOException;
    }

    /**
     * Returns the value of a key, loading it the first time (once, even when tasks ask at once).
     *
     * @param <T> the value's type
     * @param key what identifies the value
     * @param loader how to load it
     * @return the value
     * @throws IOException if loading fails (it is tried again next time)
     */
    @SuppressWarnings("unchecked")
    static <T> T get(String key, Loader<T> loader) throws IOException {
        try {
            return (T)
                    VALUES.computeIfAbsent(
                            key,
                            k -> {
                                try {
                                    return loader.load();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
