package org.djmix.benchmarks;

import ai.djl.modality.cv.output.Rectangle;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.djmix.tasks.detection.Nms;
import org.djmix.tasks.detection.RoiAlign;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The detection ops DJL lacks, against plain-Java references, at 1 000 and 10 000 boxes: {@link
 * RoiAlign} (on DJL's default device, output read back) against {@link RoiAlignLoops} on one FPN
 * level of a 512-px batch of 2 (256 channels, 128×128), 7×7, sampling 2; {@link Nms#nms} against
 * DJL's {@code Rectangle.nms} (Java objects, the +1-pixel IoU rule), IoU 0.7, random boxes with
 * random scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class DetectionOpsBenchmark {

    /** Regions or boxes. */
    @Param({"1000", "10000"})
    public int boxes;

    private static final int[] FEATURES = {2, 256, 128, 128};
    private static final float SCALE = 0.25f;

    private NDManager manager;
    private NDArray features;
    private NDArray rois;
    private float[] hostFeatures;
    private float[] hostRois;
    private float[] nmsBoxes;
    private float[] scores;
    private List<Rectangle> rectangles;
    private List<Double> doubleScores;

    /** Random features, regions inside the 512-px images, boxes and scores. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        manager = NDManager.newBaseManager();
        int n = FEATURES[0] * FEATURES[1] * FEATURES[2] * FEATURES[3];
        hostFeatures = new float[n];
        for (int i = 0; i < n; i++) {
            hostFeatures[i] = (float) random.nextGaussian();
        }
        features = manager.create(hostFeatures, new Shape(2, 256, 128, 128));
        hostRois = new float[5 * boxes];
        nmsBoxes = new float[4 * boxes];
        scores = new float[boxes];
        rectangles = new ArrayList<>(boxes);
        doubleScores = new ArrayList<>(boxes);
        for (int i = 0; i < boxes; i++) {
            float w = 8 + (float) random.nextDouble(120);
            float h = 8 + (float) random.nextDouble(120);
            float x = (float) random.nextDouble(512 - w);
            float y = (float) random.nextDouble(512 - h);
            hostRois[5 * i] = i % 2;
            hostRois[5 * i + 1] = x;
            hostRois[5 * i + 2] = y;
            hostRois[5 * i + 3] = x + w;
            hostRois[5 * i + 4] = y + h;
            nmsBoxes[4 * i] = x;
            nmsBoxes[4 * i + 1] = y;
            nmsBoxes[4 * i + 2] = x + w;
            nmsBoxes[4 * i + 3] = y + h;
            scores[i] = (float) random.nextDouble();
            rectangles.add(new Rectangle(x, y, w, h));
            doubleScores.add((double) scores[i]);
        }
        rois = manager.create(hostRois, new Shape(boxes, 5));
        checkSameNumbers();
    }

    /** Both RoIAlign versions must compute the same thing: compared on the first 20 regions. */
    private void checkSameNumbers() {
        float[] first = java.util.Arrays.copyOf(hostRois, 5 * 20);
        float[] loops = RoiAlignLoops.apply(hostFeatures, FEATURES, first, 7, SCALE, 2);
        try (NDManager check = manager.newSubManager()) {
            NDArray ours =
                    new RoiAlign(7, 7, SCALE, 2, false)
                            .apply(features, check.create(first, new Shape(20, 5)));
            float[] values = ours.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                if (Math.abs(values[i] - loops[i]) > 1e-4f) {
                    throw new IllegalStateException(
                            "RoIAlign versions differ at "
                                    + i
                                    + ": "
                                    + values[i]
                                    + ", "
                                    + loops[i]);
                }
            }
        }
    }

    /**
     * Ours: sample positions on the host, gather and weighted sum on the device.
     *
     * @return one pooled value (read back)
     */
    @Benchmark
    public float roiAlignOurs() {
        try (NDManager step = manager.newSubManager()) {
            // the op's intermediates go to its inputs' manager: lend them to this step's
            step.tempAttachAll(features, rois);
            NDArray out = new RoiAlign(7, 7, SCALE, 2, false).apply(features, rois);
            return out.getFloat(0, 0, 0, 0);
        }
    }

    /**
     * The plain-Java loops.
     *
     * @return one pooled value
     */
    @Benchmark
    public float roiAlignJavaLoops() {
        return RoiAlignLoops.apply(hostFeatures, FEATURES, hostRois, 7, SCALE, 2)[0];
    }

    /**
     * Ours: greedy suppression over flat arrays.
     *
     * @return the number kept
     */
    @Benchmark
    public int nmsOurs() {
        return Nms.nms(nmsBoxes, scores, 0.7f).length;
    }

    /**
     * DJL's {@code Rectangle.nms} over Java objects.
     *
     * @return the number kept
     */
    @Benchmark
    public int nmsDjlRectangles() {
        return Rectangle.nms(rectangles, doubleScores, 0.7f).size();
    }

    /** Frees the arrays. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
