package org.djmix.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.image.ByteImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One corruption of one image on one thread, at 32×32 (CIFAR parameters) and 224×224 (ImageNet
 * parameters), severities cycling 1..5 and a new seed per call. Images/s = 1e6 / (µs per op). The
 * image is random noise with smooth parts (it has no influence on the cost except for JPEG).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class CorruptionBenchmark {

    /** The corruption (its reference name). */
    @Param({
        "gaussian_noise",
        "shot_noise",
        "impulse_noise",
        "defocus_blur",
        "glass_blur",
        "motion_blur",
        "zoom_blur",
        "snow",
        "frost",
        "fog",
        "brightness",
        "contrast",
        "elastic_transform",
        "pixelate",
        "jpeg_compression",
        "speckle_noise",
        "gaussian_blur",
        "spatter",
        "saturate"
    })
    public String corruption;

    /** The image side: 32 (CIFAR profile) or 224 (ImageNet profile). */
    @Param({"32", "224"})
    public int size;

    private Corruption function;
    private CorruptionProfile profile;
    private ByteImage image;
    private long calls;

    /** Draws the image. */
    @Setup(Level.Trial)
    public void setUp() {
        function = Corruption.fromId(corruption);
        profile = size == 32 ? CorruptionProfile.CIFAR : CorruptionProfile.IMAGENET;
        SplittableRandom random = new SplittableRandom(1);
        int[] samples = new int[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int smooth = (x + y) * 255 / (2 * size);
                    samples[(c * size + y) * size + x] = (smooth + random.nextInt(64)) % 256;
                }
            }
        }
        image = ByteImage.of(3, size, size, samples);
    }

    /**
     * Corrupts the image once.
     *
     * @return the result
     */
    @Benchmark
    public ByteImage corrupt() {
        calls++;
        return function.apply(image, (int) (calls % 5) + 1, profile, calls);
    }
}
