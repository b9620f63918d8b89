package org.djmix.tasks.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.djmix.io.AtomicDirectories;

/**
 * An analysis figure's folder, {@code NAME.json}, {@code NAME.csv} and {@code NAME.png}, written
 * whole or not at all.
 */
final class FigureFolder {

    /** Draws a figure into a PNG file. */
    @FunctionalInterface
    interface Png {
        void write(Path file) throws IOException;
    }

    private FigureFolder() {}

    static void write(Path directory, String name, String json, String csv, Png figure)
            throws IOException {
        AtomicDirectories.write(
                directory,
                out -> {
                    Files.writeString(out.resolve(name + ".json"), json);
                    Files.writeString(out.resolve(name + ".csv"), csv);
                    figure.write(out.resolve(name + ".png"));
                });
    }
}
