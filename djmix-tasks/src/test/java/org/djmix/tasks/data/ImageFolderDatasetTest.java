package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.djmix.tasks.training.EpochSampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming image folder on a folder the test writes: 300 images in 10 classes, of various
 * sizes, as RGB and grey JPEGs, RGBA and palette PNGs, and a CMYK JPEG.
 */
class ImageFolderDatasetTest {

    private static final int CLASSES = 10;
    private static final int PER_CLASS = 30;
    private static final int SIZE = 32;

    @TempDir static Path root;

    @BeforeAll
    static void writeFolder() throws IOException {
        Random random = new Random(3);
        for (int c = 0; c < CLASSES; c++) {
            for (String split : List.of("train", "val")) {
                Path folder = Files.createDirectories(root.resolve(split).resolve("n0" + c));
                int count = split.equals("train") ? PER_CLASS : 3;
                for (int i = 0; i < count; i++) {
                    int w = 40 + random.nextInt(90);
                    int h = 40 + random.nextInt(90);
                    int kind = i % 4;
                    int type =
                            switch (kind) {
                                case 1 -> BufferedImage.TYPE_BYTE_GRAY;
                                case 2 -> BufferedImage.TYPE_INT_ARGB;
                                case 3 -> BufferedImage.TYPE_BYTE_INDEXED;
                                default -> BufferedImage.TYPE_3BYTE_BGR;
                            };
                    BufferedImage image = new BufferedImage(w, h, type);
                    Graphics2D g = image.createGraphics();
                    g.setColor(new Color(random.nextInt(0xFFFFFF)));
                    g.fillRect(0, 0, w, h);
                    g.setColor(new Color(25 * c, 255 - 25 * c, 128));
                    g.fillOval(random.nextInt(w / 2), random.nextInt(h / 2), w / 2, h / 2);
                    g.dispose();
                    String format = kind == 0 || kind == 1 ? "jpg" : "png";
                    ImageIO.write(
                            image,
                            format.equals("jpg") ? "jpeg" : "png",
                            folder.resolve(String.format("img%03d.%s", i, format)).toFile());
                }
            }
        }
        Files.copy(
                Path.of("target", "torchvision", "cmyk.jpg"),
                root.resolve("train").resolve("n00").resolve("cmyk.jpg"));
    }

    private static ImageFolderDataset dataset(
            Path directory, boolean train, DecodeThreads threads, int batch) throws IOException {
        ImageFolderDataset.Builder builder =
                ImageFolderDataset.builder()
                        .setImages(ImageList.split(directory, train))
                        .setAugmentation(
                                train
                                        ? ImageNetAugmentation.training(SIZE)
                                        : ImageNetAugmentation.evaluation(SIZE))
                        .optSeed(11)
                        .setSampling(new EpochSampler(batch, 5));
        if (threads != null) {
            builder.optPrefetchNumber(threads.prefetch());
        }
        return builder.build();
    }

    /** Every batch of one epoch: its images' floats, in order. */
    private static List<float[]> epoch(
            ImageFolderDataset data, NDManager manager, DecodeThreads threads, int epoch)
            throws IOException, TranslateException {
        data.setEpoch(epoch);
        List<float[]> batches = new ArrayList<>();
        Iterable<Batch> iterable =
                threads == null ? data.getData(manager) : data.getData(manager, threads.executor());
        for (Batch batch : iterable) {
            try (batch) {
                batches.add(batch.getData().head().toFloatArray());
                assertThat(batch.getData().head().getShape().getShape())
                        .containsExactly(batch.getSize(), 3, SIZE, SIZE);
            }
        }
        return batches;
    }

    @Test
    void theSameSeedGivesTheSameBatchesWithOneOrFourThreads()
            throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager();
                DecodeThreads one = DecodeThreads.start(1);
                DecodeThreads four = DecodeThreads.start(4)) {
            ImageFolderDataset single = dataset(root, true, one, 16);
            ImageFolderDataset multi = dataset(root, true, four, 16);
            assertThat(single.size()).isEqualTo(CLASSES * PER_CLASS + 1);
            for (int epoch = 1; epoch <= 2; epoch++) {
                List<float[]> a = epoch(single, manager, one, epoch);
                List<float[]> b = epoch(multi, manager, four, epoch);
                assertThat(a).hasSize(b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).as("epoch %d batch %d", epoch, i).isEqualTo(a.get(i));
                }
            }
            ImageFolderDataset unthreaded = dataset(root, true, null, 16);
            assertThat(epoch(unthreaded, manager, null, 1).get(3))
                    .isEqualTo(epoch(single, manager, one, 1).get(3));
            assertThat(epoch(single, manager, one, 1).get(0))
                    .isNotEqualTo(epoch(single, manager, one, 2).get(0));
        }
    }

    @Test
    void memoryStaysFlatOverSeveralPasses() throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager();
                DecodeThreads threads = DecodeThreads.start(2)) {
            ImageFolderDataset data = dataset(root, true, threads, 32);
            long[] used = new long[5];
            for (int pass = 0; pass < used.length; pass++) {
                epoch(data, manager, threads, pass + 1);
                used[pass] = usedHeapAfterGc();
            }
            // one pass decodes 301 images (about 30 MB of pixels); nothing of it may stay
            assertThat(used[4] - used[1]).as(Arrays.toString(used)).isLessThan(4L << 20);
            assertThat(manager.getManagedArrays()).isEmpty();
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aTruncatedJpegStopsTheEpochWithItsPath(@TempDir Path broken)
            throws IOException, TranslateException {
        Path folder = Files.createDirectories(broken.resolve("cats"));
        for (int i = 0; i < 5; i++) {
            Files.copy(root.resolve("train/n01/img000.jpg"), folder.resolve("img" + i + ".jpg"));
        }
        byte[] whole = Files.readAllBytes(folder.resolve("img3.jpg"));
        Files.write(folder.resolve("img3.jpg"), Arrays.copyOf(whole, whole.length * 3 / 4));
        Files.createDirectories(broken.resolve("dogs"));
        Files.copy(root.resolve("train/n02/img000.jpg"), broken.resolve("dogs/a.jpg"));
        try (NDManager manager = NDManager.newBaseManager();
                DecodeThreads threads = DecodeThreads.start(2)) {
            ImageFolderDataset all =
                    ImageFolderDataset.builder()
                            .setImages(
                                    new ImageList(
                                            broken,
                                            List.of("cats", "dogs"),
                                            new String[] {
                                                "cats/img1.jpg", "cats/img3.jpg", "dogs/a.jpg"
                                            },
                                            new int[] {0, 0, 1}))
                            .setAugmentation(ImageNetAugmentation.evaluation(SIZE))
                            .setSampling(2, false)
                            .optPrefetchNumber(threads.prefetch())
                            .build();
            // DJL's loader wraps the worker's exception; ours is in the chain, naming the file
            Throwable thrown = catchThrowable(() -> epoch(all, manager, threads, 1));
            List<String> messages = new ArrayList<>();
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
            }
            assertThat(messages)
                    .anyMatch(
                            m ->
                                    m.startsWith("IOException: " + folder.resolve("img3.jpg"))
                                            && m.contains("truncated"));
            ImageFolderDataset skipping =
                    ImageFolderDataset.builder()
                            .setImages(all.getImages())
                            .setAugmentation(ImageNetAugmentation.evaluation(SIZE))
                            .setSampling(2, false)
                            .optSkipUnreadable()
                            .build();
            List<float[]> batches = epoch(skipping, manager, null, 1);
            assertThat(batches).hasSize(2);
            assertThat(skipping.skipped()).containsExactly("cats/img3.jpg");
            // the skipped image is replaced by the next one (dogs/a.jpg) and its label
            assertThat(skipping.transformed(1).label()).isEqualTo(1);
        }
    }

    @Test
    void cmykJpegsDecodeInTheirColours() throws IOException {
        ImageList list = ImageList.split(root, true);
        int index = Arrays.asList(list.names()).indexOf("n00/cmyk.jpg");
        assertThat(index).isNotNegative();
        ImageFolderDataset data =
                ImageFolderDataset.builder()
                        .setImages(list)
                        .setAugmentation(ImageNetAugmentation.evaluation(16))
                        .setSampling(1, false)
                        .build();
        var image = data.transformed(index).image();
        // left half red, right half blue (the CMYK file's colours)
        assertThat(image.get(0, 8, 1)).isGreaterThan(150);
        assertThat(image.get(2, 8, 1)).isLessThan(100);
        assertThat(image.get(2, 8, 14)).isGreaterThan(100);
        assertThat(image.get(0, 8, 14)).isLessThan(100);
    }

    @Test
    void listFilesNameTheImagesAndTheirLabels() throws IOException {
        Files.writeString(
                root.resolve("lists-train.txt"),
                "train/n01/img000.jpg 1\n\ntrain/n05/img002.png 7\n");
        ImageList list = ImageList.listFile(root, root.resolve("lists-train.txt"));
        assertThat(list.names()).containsExactly("train/n01/img000.jpg", "train/n05/img002.png");
        assertThat(list.labels()).containsExactly(1, 7);
        assertThat(list.classes()).hasSize(8);
        Files.writeString(root.resolve("bad.txt"), "train/n01/img000.jpg one\n");
        assertThatThrownBy(() -> ImageList.listFile(root, root.resolve("bad.txt")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.txt line 1: expected 'relative/path label'");
    }
}
