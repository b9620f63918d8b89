package org.djmix.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.djmix.corruptions.CifarCWriter;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.FolderImages;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark generation job against {@code djmix corrupt}'s single-machine job, on local[2] with one
 * retry per task (local[2,2]).
 */
class SparkCorruptionTest {

    private static final List<Corruption> CORRUPTIONS =
            List.of(Corruption.GAUSSIAN_NOISE, Corruption.FOG, Corruption.JPEG_COMPRESSION);
    private static final List<Integer> SEVERITIES = List.of(1, 4);

    @TempDir static Path dir;
    private static SparkSession spark;
    private static Path input;

    @BeforeAll
    static void start() throws IOException {
        spark = TestSpark.session();
        input = dir.resolve("clean");
        for (int i = 0; i < 7; i++) {
            Path folder = Files.createDirectories(input.resolve("class" + (i % 2)));
            BufferedImage image = new BufferedImage(30 + i, 24, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(30 * i, 200 - 20 * i, 90));
            g.fillRect(0, 0, 30 + i, 24);
            g.setColor(Color.WHITE);
            g.fillOval(3 + i, 4, 12, 10);
            g.dispose();
            ImageIO.write(
                    image, "png", folder.resolve((i == 6 ? "img " : "img") + i + ".png").toFile());
        }
    }

    private static SparkCorruption.Builder settings(int imagesPerTask) {
        return settings(imagesPerTask, CorruptionProfile.AUTO);
    }

    private static SparkCorruption.Builder settings(int imagesPerTask, CorruptionProfile profile) {
        return SparkCorruption.builder().setJob(job(profile)).optImagesPerTask(imagesPerTask);
    }

    /** The single-machine job: the output must be its output. */
    private static CorruptionJob job(CorruptionProfile profile) {
        return CorruptionJob.builder()
                .optCorruptions(CORRUPTIONS)
                .optSeverities(SEVERITIES)
                .optProfile(profile)
                .optSeed(42)
                .build();
    }

    private static long run(SparkCorruption job, Path in, Path out, int partitions)
            throws IOException {
        return job.runFolder(spark, in.toString(), out.toString(), partitions);
    }

    private static long run(int imagesPerTask, Path in, Path out, int partitions)
            throws IOException {
        return run(settings(imagesPerTask).build(), in, out, partitions);
    }

    /** Every file under a root, by relative path, with its bytes. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void theFilesAreByteIdenticalToOneMachinesWhateverThePartitioning() throws IOException {
        FolderImages images = FolderImages.of(input);
        Path single = dir.resolve("single");
        job(CorruptionProfile.AUTO)
                .run(
                        images,
                        new ImageFolderCWriter(single, images, ImageFolderCWriter.Format.JPEG));
        Map<String, byte[]> expected = files(single);
        assertThat(expected).hasSize(7 * CORRUPTIONS.size() * SEVERITIES.size());
        for (int partitions : new int[] {1, 2, 5}) {
            Path out = dir.resolve("spark-" + partitions);
            long written = run(3, input, out, partitions);
            assertThat(written).isEqualTo(expected.size());
            String manifest = Files.readString(out.resolve(SparkCorruption.MANIFEST));
            assertThat(manifest)
                    .contains("\"images\": 7")
                    .contains("\"files\": 42")
                    .contains("\"writtenByThisRun\": 42")
                    .contains("\"seed\": 42");
            Map<String, byte[]> actual = files(out);
            actual.remove(SparkCorruption.MANIFEST);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            for (String name : expected.keySet()) {
                assertThat(actual.get(name))
                        .as(partitions + " partitions: " + name)
                        .isEqualTo(expected.get(name));
            }
        }
    }

    @Test
    void aTaskThatDiesHalfWayIsRetriedAndLeavesNoPartialFile() throws IOException {
        Path out = dir.resolve("retried");
        Path marker = dir.resolve("first-attempt-failed");
        String markerName = marker.toString(); // a Path does not serialise
        SparkCorruption dying =
                settings(7)
                        .optReader(
                                (content, file) -> {
                                    // the first attempt that reaches img5 dies there, after writing
                                    // the shard's first images
                                    if (file.endsWith("img5.png")
                                            && TaskContext.get().attemptNumber() == 0
                                            && !Files.exists(Path.of(markerName))) {
                                        Files.createFile(Path.of(markerName));
                                        throw new IOException("simulated executor loss at " + file);
                                    }
                                    return BufferedImages.read(content, file);
                                })
                        .build();
        // img5 is the last of its (corruption, severity) task's 7 images: the dead attempt had
        // committed the other 6, which the retry keeps; the count is of the successful attempts
        assertThat(run(dying, input, out, 2)).isEqualTo(42 - 6);
        assertThat(marker).exists();
        Map<String, byte[]> files = files(out);
        files.remove(SparkCorruption.MANIFEST);
        assertThat(files).hasSize(42);
        assertThat(files.keySet()).allMatch(name -> name.endsWith(".jpg"));
        Path reference = dir.resolve("reference");
        run(7, input, reference, 1);
        Map<String, byte[]> expected = files(reference);
        expected.remove(SparkCorruption.MANIFEST);
        for (String name : expected.keySet()) {
            assertThat(files.get(name)).as(name).isEqualTo(expected.get(name));
        }
    }

    @Test
    void aSmallSetBecomesTheCifarCLayoutAsOnOneMachine() throws IOException {
        Random random = new Random(3);
        List<ByteImage> images = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] samples = new byte[3 * 32 * 32];
            random.nextBytes(samples);
            images.add(ByteImage.wrap(3, 32, 32, samples));
        }
        LabelledImages clean =
                new LabelledImages() {
                    @Override
                    public int size() {
                        return images.size();
                    }

                    @Override
                    public ByteImage image(int index) {
                        return images.get(index);
                    }

                    @Override
                    public int label(int index) {
                        return index % 10;
                    }
                };
        Path single = dir.resolve("cifar-single");
        job(CorruptionProfile.CIFAR).run(clean, new CifarCWriter(single, clean, SEVERITIES));
        Path out = dir.resolve("cifar-spark");
        SparkCorruption job = settings(5, CorruptionProfile.CIFAR).build();
        assertThat(job.runCifar(spark, clean, out, 3)).isEqualTo(CORRUPTIONS.size());
        Map<String, byte[]> expected = files(single);
        Map<String, byte[]> actual = files(out);
        assertThat(actual.remove(SparkCorruption.MANIFEST)).isNotNull();
        assertThat(actual.keySet())
                .isEqualTo(expected.keySet())
                .contains("fog.npy", CifarCWriter.LABELS);
        for (String name : expected.keySet()) {
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
        Files.delete(out.resolve("fog.npy"));
        assertThat(job.runCifar(spark, clean, out, 2)).isEqualTo(1);
        assertThat(Files.readAllBytes(out.resolve("fog.npy"))).isEqualTo(expected.get("fog.npy"));
    }

    @Test
    void centreCroppedFolderImagesAreThoseOfCorruptOnImageNetData() throws IOException {
        Path imagenet = dir.resolve("imagenet");
        for (String split : new String[] {"train", "val"}) {
            for (int i = 0; i < 7; i++) {
                Path folder = Files.createDirectories(imagenet.resolve(split + "/n0" + (i % 3)));
                Files.copy(
                        input.resolve("class" + (i % 2))
                                .resolve((i == 6 ? "img " : "img") + i + ".png"),
                        folder.resolve("v" + i + ".png"));
            }
        }
        LabelledImages val =
                TestImages.of(DataSpec.parse("imagenet:" + imagenet + "@16"), null).images();
        Path single = dir.resolve("imagenet-single");
        job(CorruptionProfile.AUTO)
                .run(val, new ImageFolderCWriter(single, val, ImageFolderCWriter.Format.JPEG));
        Path out = dir.resolve("imagenet-spark");
        run(settings(2).optCenterCrop(16).build(), imagenet.resolve("val"), out, 3);
        Map<String, byte[]> expected = files(single);
        Map<String, byte[]> actual = files(out);
        actual.remove(SparkCorruption.MANIFEST);
        assertThat(actual.keySet()).isEqualTo(expected.keySet()).contains("fog/4/n01/v4.jpg");
        for (String name : expected.keySet()) {
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
    }

    @Test
    void anUnreadableImageFailsTheJobWithItsPath() throws IOException {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken.resolve("a"));
        Files.copy(input.resolve("class0/img0.png"), broken.resolve("a/good.png"));
        Files.writeString(broken.resolve("a/bad.png"), "not a png");
        assertThatThrownBy(() -> run(2, broken, dir.resolve("never"), 2))
                .hasMessageContaining(broken.resolve("a/bad.png").toAbsolutePath().toString())
                .hasMessageContaining("is not a readable image");
    }

    @Test
    void aSecondRunOverAFinishedOutputWritesNothing() throws IOException {
        Path out = dir.resolve("twice");
        assertThat(run(4, input, out, 2)).isEqualTo(42);
        Map<String, byte[]> first = files(out);
        Files.delete(out.resolve("fog/4/class1/img3.jpg"));
        assertThat(run(4, input, out, 3)).isEqualTo(1);
        assertThat(files(out).get("fog/4/class1/img3.jpg"))
                .isEqualTo(first.get("fog/4/class1/img3.jpg"));
        assertThat(run(4, input, out, 3)).isZero();
    }
}
