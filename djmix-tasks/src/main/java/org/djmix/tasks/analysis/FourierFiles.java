package org.djmix.tasks.analysis;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djmix.tasks.plot.FrequencyHeatMap;

/**
 * Writes Fourier heat maps of one or more models side by side: {@code fourier.png} (one panel per
 * model, shared colour scale, colour bar), {@code fourier.csv} (model, row frequency, column
 * frequency, error) and {@code fourier.json} (per model: ε, the grid, and the mean error over the
 * high-frequency half), into a folder written whole or not at all.
 */
public final class FourierFiles {

    private FourierFiles() {}

    /**
     * Writes the files.
     *
     * @param maps each model's map by name, in figure order; all of one size
     * @param directory the folder
     * @throws IOException if it cannot be written
     */
    public static void write(Map<String, FourierMap> maps, Path directory) throws IOException {
        FrequencyHeatMap figure = new FrequencyHeatMap();
        StringBuilder csv = new StringBuilder("model,row_frequency,column_frequency,error\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map.Entry<String, FourierMap> entry : maps.entrySet()) {
            FourierMap map = entry.getValue();
            figure.addPanel(
                    String.format(
                            "%s: high-frequency half %.1f %%",
                            entry.getKey(), 100 * map.highFrequencyMeanError()),
                    map.errors());
            double[][] errors = map.errors();
            for (int r = 0; r < errors.length; r++) {
                for (int c = 0; c < errors[r].length; c++) {
                    if (!Double.isNaN(errors[r][c])) {
                        csv.append(entry.getKey())
                                .append(',')
                                .append(map.minRow() + r)
                                .append(',')
                                .append(map.minColumn() + c)
                                .append(',')
                                .append(errors[r][c])
                                .append('\n');
                    }
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", entry.getKey());
            m.put("epsilon", map.epsilon());
            m.put("highFrequencyMeanError", map.highFrequencyMeanError());
            m.put("minRowFrequency", map.minRow());
            m.put("minColumnFrequency", map.minColumn());
            m.put("errors", errors);
            json.add(m);
        }
        String text =
                new GsonBuilder()
                        .serializeSpecialFloatingPointValues()
                        .setPrettyPrinting()
                        .create()
                        .toJson(json);
        FigureFolder.write(directory, "fourier", text, csv.toString(), figure::writePng);
    }
}
