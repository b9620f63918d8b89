package org.djmix.image;

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

/**
 * A labelled grid of images for people to look at (the paper's Figures 1 and 3): one labelled row
 * per kind of image, optional column labels, each image enlarged by an integer factor with nearest
 * neighbours so that pixels stay visible. Written as PNG, atomically.
 */
public final class ImageGrid {

    private static final int GAP = 2;
    private static final int PADDING = 6;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color TEXT = Color.BLACK;

    private final int scale;
    private final List<String> rowLabels = new ArrayList<>();
    private final List<List<ByteImage>> rows = new ArrayList<>();
    private List<String> columnLabels = List.of();

    /**
     * Creates an empty grid.
     *
     * @param scale how many screen pixels an image pixel becomes along each axis, &gt;= 1
     */
    public ImageGrid(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        this.scale = scale;
    }

    /**
     * Sets the labels written above the columns.
     *
     * @param labels one per column
     * @return this grid
     */
    public ImageGrid setColumnLabels(List<String> labels) {
        this.columnLabels = List.copyOf(labels);
        return this;
    }

    /**
     * Adds a row.
     *
     * @param label written left of the row
     * @param images the row's images (1 or 3 channels, any size)
     * @return this grid
     */
    public ImageGrid addRow(String label, List<ByteImage> images) {
        rowLabels.add(label);
        rows.add(List.copyOf(images));
        return this;
    }

    /**
     * Draws the grid.
     *
     * @return an RGB image
     */
    public BufferedImage render() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("the grid has no rows");
        }
        int columns =
                Math.max(columnLabels.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        int cellWidth = 0;
        int cellHeight = 0;
        for (List<ByteImage> row : rows) {
            for (ByteImage image : row) {
                cellWidth = Math.max(cellWidth, image.width() * scale);
                cellHeight = Math.max(cellHeight, image.height() * scale);
            }
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D probeGraphics = probe.createGraphics();
        FontMetrics metrics = probeGraphics.getFontMetrics(font);
        int labelWidth = 0;
        for (String label : rowLabels) {
            labelWidth = Math.max(labelWidth, metrics.stringWidth(label));
        }
        for (String label : columnLabels) {
            cellWidth = Math.max(cellWidth, metrics.stringWidth(label));
        }
        probeGraphics.dispose();
        int header = columnLabels.isEmpty() ? 0 : metrics.getHeight() + GAP;
        int left = labelWidth == 0 ? PADDING : labelWidth + 2 * PADDING;
        int width = left + columns * (cellWidth + GAP) - GAP + PADDING;
        int height = PADDING + header + rows.size() * (cellHeight + GAP) - GAP + PADDING;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        g.setColor(TEXT);
        for (int c = 0; c < columnLabels.size(); c++) {
            String label = columnLabels.get(c);
            int x = left + c * (cellWidth + GAP) + (cellWidth - metrics.stringWidth(label)) / 2;
            g.drawString(label, x, PADDING + metrics.getAscent());
        }
        for (int r = 0; r < rows.size(); r++) {
            int top = PADDING + header + r * (cellHeight + GAP);
            g.setColor(TEXT);
            g.drawString(
                    rowLabels.get(r),
                    PADDING,
                    top + (cellHeight + metrics.getAscent() - metrics.getDescent()) / 2);
            List<ByteImage> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                paint(canvas, row.get(c), left + c * (cellWidth + GAP), top);
            }
        }
        g.dispose();
        return canvas;
    }

    /**
     * Draws the grid and writes it as PNG (temp file, then rename).
     *
     * @param file the PNG to write
     * @throws IOException naming the file if it cannot be written
     */
    public void writePng(Path file) throws IOException {
        BufferedImages.writePng(render(), file);
    }

    private void paint(BufferedImage canvas, ByteImage image, int left, int top) {
        boolean grey = image.channels() == 1;
        for (int y = 0; y < image.height() * scale; y++) {
            for (int x = 0; x < image.width() * scale; x++) {
                int sy = y / scale;
                int sx = x / scale;
                int r = image.get(0, sy, sx);
                int gr = grey ? r : image.get(1, sy, sx);
                int b = grey ? r : image.get(2, sy, sx);
                canvas.setRGB(left + x, top + y, (r << 16) | (gr << 8) | b);
            }
        }
    }
}
