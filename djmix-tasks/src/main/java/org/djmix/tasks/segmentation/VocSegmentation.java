package org.djmix.tasks.segmentation;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.djmix.image.ByteImage;
import org.djmix.tasks.data.VocFolders;

/**
 * PASCAL VOC 2012 segmentation on disk, read one image at a time: {@code JPEGImages/ID.jpg} and its
 * mask, the ids listed one per line in a split file. Two layouts:
 *
 * <ul>
 *   <li>{@link #voc}: {@code SegmentationClass/ID.png} (palette PNGs) and {@code
 *       ImageSets/Segmentation/SPLIT.txt} ({@code train}, {@code val}, {@code trainval});
 *   <li>{@link #aug}: the widely used SBD "train_aug" set, {@code SegmentationClassAug/ID.png}
 *       (8-bit grey PNGs) listed in {@code train_aug.txt} (in {@code ImageSets/SegmentationAug},
 *       {@code ImageSets/Segmentation} or the root).
 * </ul>
 *
 * <p>A mask's pixels are its raster's indices, never its colours (a palette PNG's colours are only
 * VOC's map of them): 0 background, 1–20 the object classes, 255 the borders to ignore. The root
 * may be the {@code VOC2012} folder or the {@code VOCdevkit} holding it.
 */
public final class VocSegmentation implements SegmentationSource {

    /** Background and the 20 object classes. */
    public static final int CLASSES = 21;

    private final Path root;
    private final String masks;
    private final List<String> ids;

    private VocSegmentation(Path root, String masks, List<String> ids) {
        this.root = root;
        this.masks = masks;
        this.ids = ids;
    }

    /**
     * Opens a split of the official layout.
     *
     * @param directory the VOC2012 folder, or a folder holding {@code VOC2012}
     * @param split the split file's name without {@code .txt}
     * @return the source
     * @throws IOException naming what is missing
     */
    public static VocSegmentation voc(Path directory, String split) throws IOException {
        Path root = VocFolders.root(directory, "VOC2012");
        Path list = root.resolve("ImageSets").resolve("Segmentation").resolve(split + ".txt");
        return new VocSegmentation(root, "SegmentationClass", VocFolders.readIds(list, root));
    }

    /**
     * Opens the SBD-augmented training set.
     *
     * @param directory the VOC2012 folder holding {@code SegmentationClassAug}, or its parent
     * @return the source
     * @throws IOException naming what is missing
     */
    public static VocSegmentation aug(Path directory) throws IOException {
        Path root = VocFolders.root(directory, "VOC2012");
        for (Path list :
                List.of(
                        root.resolve("ImageSets")
                                .resolve("SegmentationAug")
                                .resolve("train_aug.txt"),
                        root.resolve("ImageSets").resolve("Segmentation").resolve("train_aug.txt"),
                        root.resolve("train_aug.txt"))) {
            if (Files.isRegularFile(list)) {
                return new VocSegmentation(
                        root, "SegmentationClassAug", VocFolders.readIds(list, root));
            }
        }
        throw new IOException(
                "no train_aug.txt in "
                        + root
                        + "/ImageSets/SegmentationAug, "
                        + root
                        + "/ImageSets/Segmentation or "
                        + root
                        + " (expected the SBD train_aug list)");
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public int numClasses() {
        return CLASSES;
    }

    @Override
    public String name(int index) {
        return ids.get(index);
    }

    @Override
    public ByteImage image(int index) throws IOException {
        return VocFolders.readImage(root, ids.get(index));
    }

    @Override
    public ByteImage mask(int index) throws IOException {
        Path file = root.resolve(masks).resolve(ids.get(index) + ".png");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no mask " + file + " for image " + ids.get(index));
        }
        BufferedImage png;
        try {
            png = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable PNG: " + e.getMessage(), e);
        }
        if (png == null) {
            throw new IOException(file + " is not a readable PNG");
        }
        boolean indices =
                png.getColorModel() instanceof IndexColorModel
                        || png.getType() == BufferedImage.TYPE_BYTE_GRAY;
        Raster raster = png.getRaster();
        if (!indices || raster.getNumBands() != 1) {
            throw new IOException(
                    file
                            + " has "
                            + raster.getNumBands()
                            + " colour bands; a VOC mask is a palette or 8-bit grey PNG of"
                            + " class indices");
        }
        int h = png.getHeight();
        int w = png.getWidth();
        ByteImage mask = ByteImage.zeros(1, h, w);
        byte[] out = mask.array();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int v = row[x];
                if (v >= CLASSES && v != SegmentationLoss.IGNORE) {
                    throw new IOException(
                            file
                                    + ": pixel ("
                                    + x
                                    + ", "
                                    + y
                                    + ") holds index "
                                    + v
                                    + "; expected 0.."
                                    + (CLASSES - 1)
                                    + " or "
                                    + SegmentationLoss.IGNORE);
                }
                out[y * w + x] = (byte) v;
            }
        }
        return mask;
    }
}
