package org.djmix.tasks.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's headline figures read back from a report folder's {@code report.json} (as {@link
 * ReportFiles} writes it): the clean value and the mean over every corruption and severity.
 *
 * @param model the model's name in the report
 * @param metric what the figures measure
 * @param clean the clean value, in [0, 1]
 * @param meanCorrupted the mean corrupted value, in [0, 1]
 */
public record ReportSummary(String model, Metric metric, double clean, double meanCorrupted) {

    /**
     * Reads every model's figures from a report folder.
     *
     * @param directory a folder written by {@link ReportFiles#write}
     * @return one summary per model, in the report's order
     * @throws IOException naming the file if it is missing or not such a report
     */
    public static List<ReportSummary> read(Path directory) throws IOException {
        Path file = directory.resolve("report.json");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " is not a report folder: report.json is missing", e);
        }
        List<ReportSummary> summaries = new ArrayList<>();
        try {
            JsonArray models = JsonParser.parseString(text).getAsJsonArray();
            for (JsonElement element : models) {
                summaries.add(summary(element.getAsJsonObject()));
            }
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a robustness report (" + e.getMessage() + ")", e);
        }
        return summaries;
    }

    private static ReportSummary summary(JsonObject model) {
        for (Metric metric : Metric.values()) {
            if (model.has(metric.key("clean"))) {
                return new ReportSummary(
                        model.get("model").getAsString(),
                        metric,
                        model.get(metric.key("clean")).getAsDouble(),
                        model.get(metric.key("meanCorrupted")).getAsDouble());
            }
        }
        throw new IllegalArgumentException("a model without a clean figure: " + model.keySet());
    }
}
