package org.djmix.tasks.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.djmix.core.training.RunJson;
import org.djmix.io.AtomicDirectories;
import org.djmix.tasks.plot.HeatMap;
import org.djmix.tasks.plot.SeverityCurves;

/**
 * Writes a robustness report folder for one or more models side by side: {@code report.json} (all
 * figures), {@code report.csv} (one row per model, corruption and severity), {@code report.md} (the
 * mean error per corruption, the averages, and mCE when the 15 ImageNet-C corruptions were
 * evaluated) and {@code heatmap.png} (error per corruption × severity, one panel per model).
 */
public final class ReportFiles {

    private ReportFiles() {}

    /**
     * Writes the folder (atomically).
     *
     * @param reports the models' reports, in column order
     * @param subsets named subsets of corruptions to average as well (e.g. the non-brightening
     *     ten), by name
     * @param imageNet whether the data is ImageNet(-C), so that the AlexNet-normalised errors mean
     *     something: CE per corruption evaluated at all 5 severities, mCE and relative mCE when
     *     that is all 15 corruptions
     * @param directory the folder
     * @throws IOException if it cannot be written
     */
    public static void write(
            List<RobustnessReport> reports,
            Map<String, List<String>> subsets,
            boolean imageNet,
            Path directory)
            throws IOException {
        AtomicDirectories.write(
                directory,
                out -> {
                    Files.writeString(out.resolve("report.json"), json(reports, subsets, imageNet));
                    Files.writeString(out.resolve("report.csv"), csv(reports));
                    Files.writeString(
                            out.resolve("report.md"), markdown(reports, subsets, imageNet));
                    heatMap(reports).writePng(out.resolve("heatmap.png"));
                    severityCurves(reports).writePng(out.resolve("severity.png"));
                });
    }

    static String json(
            List<RobustnessReport> reports, Map<String, List<String>> subsets, boolean imageNet) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (RobustnessReport r : reports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model());
            m.put(r.metric().key("clean"), r.clean());
            m.put(r.metric().key("meanCorrupted"), r.meanCorrupted());
            for (Map.Entry<String, List<String>> subset : subsets.entrySet()) {
                m.put(
                        r.metric().key("meanCorrupted") + " " + subset.getKey(),
                        r.meanCorrupted(subset.getValue()));
            }
            if (r.metric() == Metric.MEAN_AP) {
                m.put("mPC", r.meanCorrupted());
                m.put("rPC", r.meanCorrupted() / r.clean());
            }
            m.put("severities", r.severities());
            m.put(r.metric().valuesKey(), r.values());
            if (r != reports.get(0) && paired(reports)) {
                Map<String, PairedBootstrap.Difference> differences = new LinkedHashMap<>();
                comparisons(r, subsets)
                        .forEach(
                                (name, corruptions) ->
                                        differences.put(
                                                name, r.minus(reports.get(0), corruptions)));
                m.put("minus " + reports.get(0).model(), differences);
            }
            if (imageNet && r.severities().size() == 5) {
                m.put("corruptionErrors", r.corruptionErrors());
                if (r.corruptionErrors().size() == 15) {
                    m.put("mCE", r.meanCorruptionError());
                    m.put("relativeMCE", r.relativeMeanCorruptionError());
                }
            }
            models.add(m);
        }
        return RunJson.GSON.toJson(models);
    }

    static String csv(List<RobustnessReport> reports) {
        StringBuilder s =
                new StringBuilder(
                        "model,corruption,severity," + reports.get(0).metric().label() + "\n");
        for (RobustnessReport r : reports) {
            s.append(r.model()).append(",clean,0,").append(r.clean()).append('\n');
            for (Map.Entry<String, double[]> e : r.values().entrySet()) {
                for (int i = 0; i < e.getValue().length; i++) {
                    s.append(r.model())
                            .append(',')
                            .append(e.getKey())
                            .append(',')
                            .append(r.severities().get(i))
                            .append(',')
                            .append(e.getValue()[i])
                            .append('\n');
                }
            }
        }
        return s.toString();
    }

    static String markdown(
            List<RobustnessReport> reports, Map<String, List<String>> subsets, boolean imageNet) {
        StringBuilder s = new StringBuilder("| " + reports.get(0).metric().label() + " (%) |");
        for (RobustnessReport r : reports) {
            s.append(' ').append(r.model()).append(" |");
        }
        s.append("\n|---|").append("---|".repeat(reports.size())).append('\n');
        row(s, "clean", reports, RobustnessReport::clean);
        for (String corruption : reports.get(0).values().keySet()) {
            row(s, corruption, reports, r -> r.mean(corruption));
        }
        row(s, "**mean corrupted**", reports, RobustnessReport::meanCorrupted);
        for (Map.Entry<String, List<String>> subset : subsets.entrySet()) {
            row(
                    s,
                    "**mean, " + subset.getKey() + "**",
                    reports,
                    r -> r.meanCorrupted(subset.getValue()));
        }
        RobustnessReport first = reports.get(0);
        if (first.metric() == Metric.MEAN_AP) {
            row(s, "rPC = mPC / clean", reports, r -> r.meanCorrupted() / r.clean());
        }
        if (imageNet && first.severities().size() == 5) {
            for (String corruption : first.corruptionErrors().keySet()) {
                row(
                        s,
                        "CE " + corruption + " (AlexNet = 100)",
                        reports,
                        r -> r.corruptionErrors().get(corruption));
            }
            if (first.corruptionErrors().size() == 15) {
                row(s, "mCE (AlexNet = 100)", reports, RobustnessReport::meanCorruptionError);
                row(s, "relative mCE", reports, RobustnessReport::relativeMeanCorruptionError);
            }
        }
        if (paired(reports)) {
            differences(s, reports, subsets);
        }
        return s.toString();
    }

    /**
     * Whether every report has per-image outcomes to compare, and there is something to compare.
     */
    private static boolean paired(List<RobustnessReport> reports) {
        return reports.size() > 1 && reports.stream().allMatch(r -> r.mistakes() != null);
    }

    /** The averages a comparison reports: clean (no corruption), all, and each subset. */
    private static Map<String, List<String>> comparisons(
            RobustnessReport report, Map<String, List<String>> subsets) {
        Map<String, List<String>> averages = new LinkedHashMap<>();
        averages.put("clean", List.of());
        averages.put("mean corrupted", List.copyOf(report.values().keySet()));
        subsets.forEach((name, corruptions) -> averages.put("mean, " + name, corruptions));
        return averages;
    }

    /** The table of each model's difference from the first, with paired-bootstrap intervals. */
    private static void differences(
            StringBuilder s, List<RobustnessReport> reports, Map<String, List<String>> subsets) {
        RobustnessReport first = reports.get(0);
        s.append("\n| difference from ").append(first.model()).append(" (points) |");
        for (RobustnessReport r : reports.subList(1, reports.size())) {
            s.append(' ').append(r.model()).append(" |");
        }
        s.append("\n|---|").append("---|".repeat(reports.size() - 1)).append('\n');
        for (Map.Entry<String, List<String>> average : comparisons(first, subsets).entrySet()) {
            s.append("| ").append(average.getKey()).append(" |");
            for (RobustnessReport r : reports.subList(1, reports.size())) {
                PairedBootstrap.Difference d = r.minus(first, average.getValue());
                s.append(
                        String.format(
                                Locale.ROOT,
                                " %+.2f [%+.2f, %+.2f] |",
                                100 * d.difference(),
                                100 * d.low(),
                                100 * d.high()));
            }
            s.append('\n');
        }
        s.append(
                String.format(
                        Locale.ROOT,
                        "%nIntervals: 95 %%, paired bootstrap over the %d test images (%d"
                                + " resamples); an interval wholly below 0 means fewer mistakes"
                                + " than %s.%n",
                        first.mistakes().images(),
                        PairedBootstrap.RESAMPLES,
                        first.model()));
    }

    private static void row(
            StringBuilder s,
            String label,
            List<RobustnessReport> reports,
            java.util.function.ToDoubleFunction<RobustnessReport> value) {
        s.append("| ").append(label).append(" |");
        for (RobustnessReport r : reports) {
            s.append(String.format(Locale.ROOT, " %.2f |", 100 * value.applyAsDouble(r)));
        }
        s.append('\n');
    }

    /** Each corruption's figure against severity, the models' lines side by side. */
    static SeverityCurves severityCurves(List<RobustnessReport> reports) {
        SeverityCurves curves =
                new SeverityCurves(
                        reports.get(0).metric().label() + " (%)", reports.get(0).severities());
        for (RobustnessReport r : reports) {
            curves.addModel(r.model(), r.values());
        }
        return curves;
    }

    static HeatMap heatMap(List<RobustnessReport> reports) {
        List<String> corruptions = List.copyOf(reports.get(0).values().keySet());
        List<String> severities = reports.get(0).severities().stream().map(i -> "s" + i).toList();
        HeatMap map = new HeatMap(corruptions, severities);
        for (RobustnessReport r : reports) {
            double[][] values = new double[corruptions.size()][];
            for (int i = 0; i < corruptions.size(); i++) {
                values[i] = r.values().get(corruptions.get(i));
            }
            map.addPanel(r.model(), values);
        }
        return map;
    }
}
