package org.djmix.core.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The one JSON writer of run directories ({@code config.json}, {@code metrics.json}, {@code
 * state.json}, reports): pretty-printed, and refusing NaN and infinities, which never belong in
 * these files.
 */
public final class RunJson {

    /** The shared instance; Gson is thread-safe. */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private RunJson() {}
}
