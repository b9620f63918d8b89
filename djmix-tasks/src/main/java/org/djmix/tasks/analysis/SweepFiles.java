package org.djmix.tasks.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.djmix.core.training.RunJson;
import org.djmix.tasks.eval.ReportSummary;
import org.djmix.tasks.plot.HeatMap;

/**
 * Writes a Beta sweep (the paper's Fig. 5) into a folder, whole or not at all: {@code sweep.png}
 * (two heat maps over \(\beta_0\) × \(\beta_1\): clean error and mean corrupted error, each on its
 * own colour range so that small differences show), {@code sweep.csv} and {@code sweep.json} (the
 * grid, every point, the point of lowest mean corrupted error and, when one was trained, the
 * baseline's errors, which the figure's panel titles also give).
 */
public final class SweepFiles {

    private SweepFiles() {}

    /**
     * Writes the files.
     *
     * @param beta0s the grid's \(\beta_0\) values, one row each
     * @param beta1s the grid's \(\beta_1\) values, one column each
     * @param points one per grid cell
     * @param baseline a model trained without DJMix on the same budget, or null
     * @param directory the folder
     * @throws IOException if it cannot be written
     * @throws IllegalArgumentException if a grid cell has no point
     */
    public static void write(
            List<Double> beta0s,
            List<Double> beta1s,
            List<SweepPoint> points,
            ReportSummary baseline,
            Path directory)
            throws IOException {
        SweepPoint[][] grid = grid(beta0s, beta1s, points);
        HeatMap figure =
                new HeatMap(
                        beta0s.stream().map(b -> "β0 = " + label(b)).toList(),
                        beta1s.stream().map(b -> "β1=" + label(b)).toList());
        panel(
                figure,
                "clean error (%)" + reference(baseline, ReportSummary::clean),
                grid,
                SweepPoint::cleanError);
        panel(
                figure,
                "mean corrupted (%)" + reference(baseline, ReportSummary::meanCorrupted),
                grid,
                SweepPoint::meanCorruptedError);
        List<SweepPoint> ordered = new ArrayList<>();
        for (SweepPoint[] row : grid) {
            ordered.addAll(Arrays.asList(row));
        }
        StringBuilder csv = new StringBuilder("beta0,beta1,run,clean_error,mean_corrupted_error\n");
        for (SweepPoint p : ordered) {
            csv.append(p.beta0())
                    .append(',')
                    .append(p.beta1())
                    .append(',')
                    .append(p.run())
                    .append(',')
                    .append(p.cleanError())
                    .append(',')
                    .append(p.meanCorruptedError())
                    .append('\n');
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("beta0", beta0s);
        json.put("beta1", beta1s);
        json.put("points", ordered);
        json.put(
                "lowestMeanCorrupted",
                ordered.stream()
                        .min(Comparator.comparingDouble(SweepPoint::meanCorruptedError))
                        .orElseThrow());
        if (baseline != null) {
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("run", baseline.model());
            reference.put("cleanError", baseline.clean());
            reference.put("meanCorruptedError", baseline.meanCorrupted());
            json.put("baseline", reference);
        }
        String text = RunJson.GSON.toJson(json);
        FigureFolder.write(directory, "sweep", text, csv.toString(), figure::writePng);
    }

    /** The baseline's figure for a panel title, e.g. {@code ", baseline 21.4"}. */
    private static String reference(ReportSummary baseline, ToDoubleFunction<ReportSummary> value) {
        return baseline == null
                ? ""
                : String.format(
                        Locale.ROOT, ", baseline %.1f", 100 * value.applyAsDouble(baseline));
    }

    /** A grid value as written in labels: 0.5, 1, 2. */
    public static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static SweepPoint[][] grid(
            List<Double> beta0s, List<Double> beta1s, List<SweepPoint> points) {
        SweepPoint[][] grid = new SweepPoint[beta0s.size()][beta1s.size()];
        for (SweepPoint p : points) {
            int r = beta0s.indexOf(p.beta0());
            int c = beta1s.indexOf(p.beta1());
            if (r < 0 || c < 0) {
                throw new IllegalArgumentException(
                        "point Beta(" + p.beta0() + ", " + p.beta1() + ") is not on the grid");
            }
            grid[r][c] = p;
        }
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                if (grid[r][c] == null) {
                    throw new IllegalArgumentException(
                            "the grid has no point for Beta("
                                    + beta0s.get(r)
                                    + ", "
                                    + beta1s.get(c)
                                    + ")");
                }
            }
        }
        return grid;
    }

    /** A panel coloured from its lowest (white) to its highest value (dark red). */
    private static void panel(
            HeatMap figure, String title, SweepPoint[][] grid, ToDoubleFunction<SweepPoint> value) {
        double[][] values = new double[grid.length][];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < grid.length; r++) {
            values[r] = Arrays.stream(grid[r]).mapToDouble(value).toArray();
            for (double v : values[r]) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        figure.addPanel(title, values, low, Math.max(high, low + 1e-3));
    }
}
