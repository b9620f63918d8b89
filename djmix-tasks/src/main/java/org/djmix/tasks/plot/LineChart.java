package org.djmix.tasks.plot;

import java.awt.BasicStroke;
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
 * A small line chart for training curves, written as PNG: one panel per series (each with its own y
 * range), x from 1 to the longest series, points joined by lines.
 */
public final class LineChart {

    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 260;
    private static final int MARGIN = 48;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
    };

    private final String xLabel;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> series = new ArrayList<>();

    /**
     * Creates an empty chart.
     *
     * @param xLabel the x axis' label, e.g. {@code epoch}
     */
    public LineChart(String xLabel) {
        this.xLabel = xLabel;
    }

    /**
     * Adds a series, drawn in its own panel.
     *
     * @param name the panel's title
     * @param values y at x = 1, 2, …
     * @return this chart
     */
    public LineChart addSeries(String name, double[] values) {
        names.add(name);
        series.add(values.clone());
        return this;
    }

    /**
     * Draws the chart.
     *
     * @return the image
     */
    public BufferedImage render() {
        if (series.isEmpty()) {
            throw new IllegalStateException("the chart has no series");
        }
        int width = PANEL_WIDTH * series.size();
        BufferedImage image = new BufferedImage(width, PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, PANEL_HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int s = 0; s < series.size(); s++) {
            panel(g, s * PANEL_WIDTH, names.get(s), series.get(s), COLOURS[s % COLOURS.length]);
        }
        g.dispose();
        return image;
    }

    /**
     * Draws the chart and writes it as PNG (temp file, then rename).
     *
     * @param file the PNG
     * @throws IOException naming the file if it cannot be written
     */
    public void writePng(Path file) throws IOException {
        BufferedImages.writePng(render(), file);
    }

    private void panel(Graphics2D g, int left, String name, double[] values, Color colour) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            min = Double.isFinite(min) ? min - 0.5 : 0;
            max = min + 1;
        }
        int x0 = left + MARGIN;
        int y0 = PANEL_HEIGHT - MARGIN;
        int plotWidth = PANEL_WIDTH - 2 * MARGIN;
        int plotHeight = PANEL_HEIGHT - 2 * MARGIN;
        g.setColor(Color.BLACK);
        g.drawString(name, x0, MARGIN - 16);
        g.drawLine(x0, y0, x0 + plotWidth, y0);
        g.drawLine(x0, y0, x0, y0 - plotHeight);
        g.drawString(xLabel, x0 + plotWidth / 2 - 12, y0 + 32);
        g.drawString(String.format("%.4g", max), left + 2, y0 - plotHeight + 4);
        g.drawString(String.format("%.4g", min), left + 2, y0 + 4);
        int n = values.length;
        g.drawString("1", x0 - 3, y0 + 16);
        g.drawString(Integer.toString(Math.max(1, n)), x0 + plotWidth - 6, y0 + 16);
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        int previousX = -1;
        int previousY = -1;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                previousX = -1;
                continue;
            }
            int x = x0 + (n == 1 ? plotWidth / 2 : i * plotWidth / (n - 1));
            int y = y0 - (int) Math.round((values[i] - min) / (max - min) * plotHeight);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
    }
}
