package org.djmix.tasks.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djmix.image.BufferedImages;

/**
 * Grids of values in [0, 1] over centred frequencies (zero in the middle) drawn as coloured
 * squares, one panel per model side by side on a shared colour scale (white at 0, dark red at 1, as
 * {@link HeatMap}), with a colour bar; unsampled cells (NaN) are grey. Written as PNG.
 */
public final class FrequencyHeatMap {

    private static final int PANEL = 256;
    private static final int PADDING = 12;
    private static final int TITLE = 22;
    private static final int BAR = 14;

    private final List<String> titles = new ArrayList<>();
    private final List<double[][]> panels = new ArrayList<>();

    /**
     * Adds a panel.
     *
     * @param title written above it (e.g. the model and its high-frequency mean error)
     * @param values [row][column] values in [0, 1], NaN where not sampled
     * @return this heat map
     */
    public FrequencyHeatMap addPanel(String title, double[][] values) {
        if (!panels.isEmpty()
                && (values.length != panels.get(0).length
                        || values[0].length != panels.get(0)[0].length)) {
            throw new IllegalArgumentException(
                    "every panel needs "
                            + panels.get(0).length
                            + "x"
                            + panels.get(0)[0].length
                            + " cells, got "
                            + values.length
                            + "x"
                            + values[0].length);
        }
        titles.add(title);
        panels.add(values);
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
        int rows = panels.get(0).length;
        int columns = panels.get(0)[0].length;
        int cell = Math.max(1, PANEL / Math.max(rows, columns));
        int panelWidth = cell * columns;
        int panelHeight = cell * rows;
        int width = PADDING + panels.size() * (panelWidth + PADDING) + BAR + 4 * PADDING;
        int height = TITLE + panelHeight + 2 * PADDING + 14;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int top = TITLE + PADDING;
        for (int k = 0; k < panels.size(); k++) {
            int x0 = PADDING + k * (panelWidth + PADDING);
            g.setColor(Color.BLACK);
            g.drawString(titles.get(k), x0, PADDING + 10);
            double[][] values = panels.get(k);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double v = values[r][c];
                    g.setColor(
                            Double.isNaN(v)
                                    ? Color.LIGHT_GRAY
                                    : HeatMap.colour(Math.max(0, Math.min(1, v))));
                    g.fillRect(x0 + c * cell, top + r * cell, cell, cell);
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, top, panelWidth - 1, panelHeight - 1);
            g.drawString("frequency (0 in the middle)", x0, top + panelHeight + 14);
        }
        int barX = PADDING + panels.size() * (panelWidth + PADDING) + PADDING;
        for (int y = 0; y < panelHeight; y++) {
            g.setColor(HeatMap.colour(1 - (double) y / Math.max(1, panelHeight - 1)));
            g.fillRect(barX, top + y, BAR, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(barX, top, BAR - 1, panelHeight - 1);
        g.drawString("100 %", barX + BAR + 3, top + 10);
        g.drawString("0 %", barX + BAR + 3, top + panelHeight);
        g.drawString("error", barX, TITLE + 4);
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
}
