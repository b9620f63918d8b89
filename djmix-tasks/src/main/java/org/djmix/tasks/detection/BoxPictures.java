package org.djmix.tasks.detection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.djmix.core.training.RunJson;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.djmix.tasks.segmentation.VocPalette;

/**
 * What a detector found, for people and programs: an overlay PNG with each box drawn in its class's
 * VOC palette colour and labelled "class score", and the detections as JSON-ready records (class,
 * score, x1 y1 x2 y2 in the image's pixels).
 */
public final class BoxPictures {

    private BoxPictures() {}

    /**
     * Draws the detections on the image.
     *
     * @param image 3×H×W
     * @param detections its detections, in its pixels
     * @param classNames the K class names
     * @return the picture, RGB
     */
    public static BufferedImage overlay(
            ByteImage image, Detections detections, List<String> classNames) {
        BufferedImage picture = BufferedImages.toBufferedImage(image);
        BufferedImage out =
                new BufferedImage(
                        picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int side = Math.max(8, Math.min(picture.getWidth(), picture.getHeight()) / 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, side));
            g.setStroke(new BasicStroke(Math.max(1, side / 6f)));
            float[] boxes = detections.boxes();
            for (int i = 0; i < detections.size(); i++) {
                int[] rgb = VocPalette.colour(detections.labels()[i] + 1);
                g.setColor(new Color(rgb[0], rgb[1], rgb[2]));
                int x1 = Math.round(boxes[4 * i]);
                int y1 = Math.round(boxes[4 * i + 1]);
                int x2 = Math.round(boxes[4 * i + 2]);
                int y2 = Math.round(boxes[4 * i + 3]);
                g.drawRect(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1));
                g.drawString(label(detections, i, classNames), x1 + 2, Math.max(side, y1 - 2));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String label(Detections detections, int i, List<String> classNames) {
        return String.format(
                Locale.ROOT,
                "%s %.2f",
                classNames.get(detections.labels()[i]),
                detections.scores()[i]);
    }

    /**
     * Writes the detections as JSON: a list of {@code {"class", "score", "box": [x1, y1, x2, y2]}}.
     *
     * @param detections one image's detections
     * @param classNames the K class names
     * @return the JSON text
     */
    public static String json(Detections detections, List<String> classNames) {
        return RunJson.GSON.toJson(records(detections, classNames));
    }

    private static List<Map<String, Object>> records(
            Detections detections, List<String> classNames) {
        List<Map<String, Object>> records = new ArrayList<>(detections.size());
        float[] boxes = detections.boxes();
        for (int i = 0; i < detections.size(); i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("class", classNames.get(detections.labels()[i]));
            record.put("score", detections.scores()[i]);
            record.put(
                    "box",
                    new float[] {
                        boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]
                    });
            records.add(record);
        }
        return records;
    }
}
