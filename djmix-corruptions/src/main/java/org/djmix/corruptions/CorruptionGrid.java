package org.djmix.corruptions;

import java.util.ArrayList;
import java.util.List;
import org.djmix.image.ByteImage;
import org.djmix.image.ImageGrid;

/**
 * The paper's Figure 3 for one image: a row per corruption, the clean image then severities 1 to 5,
 * so the severities can be compared at a glance.
 */
public final class CorruptionGrid {

    private CorruptionGrid() {}

    /**
     * Builds the grid.
     *
     * @param image the clean image
     * @param corruptions the rows
     * @param profile the parameters
     * @param seed the seed
     * @param scale the enlargement of each pixel
     * @return the grid, ready to write
     */
    public static ImageGrid of(
            ByteImage image,
            List<Corruption> corruptions,
            CorruptionProfile profile,
            long seed,
            int scale) {
        ImageGrid grid =
                new ImageGrid(scale).setColumnLabels(List.of("clean", "1", "2", "3", "4", "5"));
        for (Corruption corruption : corruptions) {
            List<ByteImage> row = new ArrayList<>();
            row.add(image);
            for (int severity = 1; severity <= 5; severity++) {
                row.add(
                        corruption.apply(
                                image,
                                severity,
                                profile,
                                ImageSeeds.of(seed, corruption, severity, 0)));
            }
            grid.addRow(corruption.id(), row);
        }
        return grid;
    }
}
