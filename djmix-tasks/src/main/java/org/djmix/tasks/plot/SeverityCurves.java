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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djmix.image.BufferedImages;

/**
 * A robustness report's figure per corruption against severity: one small panel per corruption
 * (five to a row), one line per model in each (a legend names them), every panel on the same y
 * scale from 0, so models and corruptions compare at a glance. Written as PNG.
 */
public final class SeverityCurves {

    private static final int PANEL_WIDTH = 190;
    private static final int PANEL_HEIGHT = 150;
    private static final int MARGIN = 30;
    private static final int LEGEND = 24;
    private static final int PER_ROW = 5;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0xff7f0e),
        new Color(0x8c564b)
    };

    private final String metric;
    private final List<Integer> severities;
    private final List<String> models = new ArrayList<>();
    private final Map<String, List<double[]>> curves = new LinkedHashMap<>();

    /**
     * Creates an empty figure.
     *
     * @param metric the y axis' name, e.g. {@code error (%)}
     * @param severities the x values, in order
     */
    public SeverityCurves(String metric, List<Integer> severities) {
        this.metric = metric;
        this.severities = List.copyOf(severities);
    }

    /**
     * Adds one model's values.
     *
     * @param model the model's name
     * @param values per corruption (in panel order), a value per severity, in [0, 1]
     * @return this figure
     */
    public SeverityCurves addModel(String model, Map<String, double[]> values) {
        models.add(model);
        for (Map.Entry<String, double[]> corruption : values.entrySet()) {
            if (corruption.getValue().length != severities.size()) {
                throw new IllegalArgumentException(
                        corruption.getKey()
                                + " has "
                                + corruption.getValue().length
                                + " values, the figure "
                                + severities.size()
                                + " severities");
            }
            curves.computeIfAbsent(corruption.getKey(), k -> new ArrayList<>())
                    .add(corruption.getValue());
        }
        return this;
    }

    /**
     * Draws the figure.
     *
     * @return the image
     */
    public BufferedImage render() {
        if (curves.isEmpty()) {
            throw new IllegalStateException("the figure has no curves");
        }
        double max = 0;
        for (List<double[]> perModel : curves.values()) {
            for (double[] values : perModel) {
                for (double v : values) {
                    max = Double.isFinite(v) ? Math.max(max, v) : max;
                }
            }
        }
        max = max > 0 ? Math.min(1, Math.ceil(max * 10) / 10) : 1;
        int rows = (curves.size() + PER_ROW - 1) / PER_ROW;
        int width = PER_ROW * PANEL_WIDTH;
        int height = LEGEND + rows * PANEL_HEIGHT;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int x = 8;
        for (int m = 0; m < models.size(); m++) {
            g.setColor(COLOURS[m % COLOURS.length]);
            g.fillRect(x, 8, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(models.get(m), x + 18, 14);
            x += 24 + g.getFontMetrics().stringWidth(models.get(m));
        }
        g.drawString(metric + " against severity", x + 12, 14);
        int k = 0;
        for (Map.Entry<String, List<double[]>> corruption : curves.entrySet()) {
            panel(
                    g,
                    (k % PER_ROW) * PANEL_WIDTH,
                    LEGEND + (k / PER_ROW) * PANEL_HEIGHT,
                    corruption.getKey(),
                    corruption.getValue(),
                    max);
            k++;
        }
        g.dispose();
        return image;
    }

    private void panel(
            Graphics2D g, int left, int top, String name, List<double[]> perModel, double max) {
        int x0 = left + MARGIN;
        int y0 = top + PANEL_HEIGHT - MARGIN + 8;
        int plotWidth = PANEL_WIDTH - MARGIN - 12;
        int plotHeight = PANEL_HEIGHT - MARGIN - 20;
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawString(name, x0, top + 14);
        g.drawLine(x0, y0, x0 + plotWidth, y0);
        g.drawLine(x0, y0, x0, y0 - plotHeight);
        g.drawString(String.format("%.0f", 100 * max), left + 4, y0 - plotHeight + 4);
        g.drawString("0", left + 16, y0 + 4);
        int n = severities.size();
        for (int s = 0; s < n; s++) {
            g.drawString(
                    Integer.toString(severities.get(s)), xOf(x0, plotWidth, s, n) - 3, y0 + 14);
        }
        g.setStroke(new BasicStroke(2f));
        for (int m = 0; m < perModel.size(); m++) {
            g.setColor(COLOURS[m % COLOURS.length]);
            double[] values = perModel.get(m);
            int previousX = -1;
            int previousY = -1;
            for (int s = 0; s < n; s++) {
                int x = xOf(x0, plotWidth, s, n);
                int y = y0 - (int) Math.round(values[s] / max * plotHeight);
                g.fillOval(x - 2, y - 2, 5, 5);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
        }
    }

    private static int xOf(int x0, int plotWidth, int s, int n) {
        return x0 + (n == 1 ? plotWidth / 2 : s * plotWidth / (n - 1));
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
