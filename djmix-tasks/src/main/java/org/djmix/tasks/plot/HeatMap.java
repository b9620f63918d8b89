package org.djmix.tasks.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djmix.image.BufferedImages;

/**
 * Tables of values in [0, 1] drawn as coloured cells with the value written in each (e.g. error per
 * corruption × severity), one panel per table side by side, each on its colour scale (by default
 * white at 0, dark red at 1), written as PNG.
 */
public final class HeatMap {

    private static final int CELL_WIDTH = 46;
    private static final int CELL_HEIGHT = 20;
    private static final int PADDING = 8;

    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final List<String> titles = new ArrayList<>();
    private final List<double[][]> panels = new ArrayList<>();
    private final List<double[]> scales = new ArrayList<>();

    /**
     * Creates an empty heat map.
     *
     * @param rowLabels one per row
     * @param columnLabels one per column
     */
    public HeatMap(List<String> rowLabels, List<String> columnLabels) {
        this.rowLabels = List.copyOf(rowLabels);
        this.columnLabels = List.copyOf(columnLabels);
    }

    /**
     * Adds a panel.
     *
     * @param title written above it
     * @param values [row][column] values, in [0, 1]
     * @return this heat map
     */
    public HeatMap addPanel(String title, double[][] values) {
        return addPanel(title, values, 0, 1);
    }

    /**
     * Adds a panel whose colours span a range of its own (to show small differences).
     *
     * @param title written above it
     * @param values [row][column] values
     * @param low the value drawn white
     * @param high the value drawn dark red, &gt; low
     * @return this heat map
     */
    public HeatMap addPanel(String title, double[][] values, double low, double high) {
        if (!(high > low)) {
            throw new IllegalArgumentException(
                    "a colour scale needs high > low, got " + low + ".." + high);
        }
        if (values.length != rowLabels.size()) {
            throw new IllegalArgumentException(
                    "a panel needs " + rowLabels.size() + " rows, got " + values.length);
        }
        titles.add(title);
        panels.add(values);
        scales.add(new double[] {low, high});
        return this;
    }

    /**
     * Draws the heat map.
     *
     * @return the image
     */
    public BufferedImage render() {
        if (panels.isEmpty()) {
            throw new IllegalStateException("the heat map has no panels");
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D p = probe.createGraphics();
        FontMetrics metrics = p.getFontMetrics(font);
        int labelWidth = 0;
        for (String label : rowLabels) {
            labelWidth = Math.max(labelWidth, metrics.stringWidth(label));
        }
        // a panel is as wide as its cells or its longest title, whichever is wider
        int panelWidth = columnLabels.size() * CELL_WIDTH;
        for (String title : titles) {
            panelWidth = Math.max(panelWidth, metrics.stringWidth(title) + PADDING);
        }
        p.dispose();
        int left = labelWidth + 2 * PADDING;
        int top = 2 * CELL_HEIGHT + PADDING;
        int width = left + panels.size() * (panelWidth + PADDING) + PADDING;
        int height = top + rowLabels.size() * CELL_HEIGHT + PADDING;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        for (int r = 0; r < rowLabels.size(); r++) {
            g.setColor(Color.BLACK);
            g.drawString(rowLabels.get(r), PADDING, top + r * CELL_HEIGHT + 14);
        }
        for (int k = 0; k < panels.size(); k++) {
            int x0 = left + k * (panelWidth + PADDING);
            g.setColor(Color.BLACK);
            g.drawString(titles.get(k), x0, PADDING + 12);
            for (int c = 0; c < columnLabels.size(); c++) {
                g.drawString(columnLabels.get(c), x0 + c * CELL_WIDTH + 4, top - 6);
            }
            double[][] values = panels.get(k);
            double low = scales.get(k)[0];
            double high = scales.get(k)[1];
            for (int r = 0; r < values.length; r++) {
                for (int c = 0; c < values[r].length; c++) {
                    double v = Math.max(0, Math.min(1, (values[r][c] - low) / (high - low)));
                    Color colour = colour(v);
                    g.setColor(colour);
                    g.fillRect(
                            x0 + c * CELL_WIDTH,
                            top + r * CELL_HEIGHT,
                            CELL_WIDTH - 1,
                            CELL_HEIGHT - 1);
                    g.setColor(v > 0.55 ? Color.WHITE : Color.BLACK);
                    g.drawString(
                            String.format("%.1f", 100 * values[r][c]),
                            x0 + c * CELL_WIDTH + 6,
                            top + r * CELL_HEIGHT + 14);
                }
            }
        }
        g.dispose();
        return image;
    }

    /**
     * Draws and writes the PNG (temp file, then rename).
     *
     * @param file the PNG
     * @throws IOException naming the file if it cannot be written
     */
    public void writePng(Path file) throws IOException {
        BufferedImages.writePng(render(), file);
    }

    /** White (0) through orange to dark red (1). */
    static Color colour(double v) {
        int r = (int) Math.round(255 - 95 * Math.max(0, v - 0.5) * 2);
        int g = (int) Math.round(255 * (1 - v));
        int b = (int) Math.round(255 * Math.max(0, 1 - 2 * v));
        return new Color(r, g, b);
    }
}
