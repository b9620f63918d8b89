package org.djmix.tasks.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.djmix.image.ByteImage;
import org.djmix.tasks.data.VocFolders;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * PASCAL VOC detection on disk, read one image at a time: {@code Annotations/ID.xml} (each {@code
 * object}'s {@code name}, {@code bndbox} and {@code difficult}), {@code JPEGImages/ID.jpg}, the ids
 * of {@code ImageSets/Main/SPLIT.txt}. Several roots make one set (VOC07+12 trainval: the {@code
 * VOC2007} and {@code VOC2012} folders). VOC's boxes are 1-based and inclusive; they are read as
 * continuous coordinates (x1 = xmin − 1, y1 = ymin − 1, x2 = xmax, y2 = ymax).
 */
public final class VocDetection implements DetectionSource {

    /** The 20 VOC classes, in the usual label order. */
    public static final List<String> CLASSES =
            List.of(
                    "aeroplane",
                    "bicycle",
                    "bird",
                    "boat",
                    "bottle",
                    "bus",
                    "car",
                    "cat",
                    "chair",
                    "cow",
                    "diningtable",
                    "dog",
                    "horse",
                    "motorbike",
                    "person",
                    "pottedplant",
                    "sheep",
                    "sofa",
                    "train",
                    "tvmonitor");

    /** One image: its folder and id. */
    private record Entry(Path root, String id) {}

    private final List<Entry> entries;

    private VocDetection(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Opens a split of one or more VOC folders.
     *
     * @param directories VOC year folders (or VOCdevkits holding VOC2007 or VOC2012)
     * @param split the split file's name without {@code .txt}: {@code trainval}, {@code test}, …
     * @return the source, the folders' images in order
     * @throws IOException naming what is missing
     */
    public static VocDetection of(List<Path> directories, String split) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path directory : directories) {
            Path root = VocFolders.root(directory, "VOC2007", "VOC2012");
            Path list = root.resolve("ImageSets").resolve("Main").resolve(split + ".txt");
            for (String id : VocFolders.readIds(list, root)) {
                entries.add(new Entry(root, id));
            }
        }
        return new VocDetection(entries);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public List<String> classNames() {
        return CLASSES;
    }

    @Override
    public ByteImage image(int index) throws IOException {
        Entry e = entries.get(index);
        return VocFolders.readImage(e.root, e.id);
    }

    @Override
    public String name(int index) {
        return entries.get(index).id;
    }

    @Override
    public Annotation annotation(int index) throws IOException {
        Entry entry = entries.get(index);
        Path file = entry.root.resolve("Annotations").resolve(entry.id + ".xml");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no annotation " + file + " for image " + entry.id);
        }
        Document document;
        try {
            document = parser().parse(file.toFile());
        } catch (SAXException e) {
            throw new IOException(file + " is malformed XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        int width = (int) number(file, root, "size", "width");
        int height = (int) number(file, root, "size", "height");
        NodeList objects = root.getElementsByTagName("object");
        int n = objects.getLength();
        float[] boxes = new float[4 * n];
        int[] labels = new int[n];
        boolean[] difficult = new boolean[n];
        for (int i = 0; i < n; i++) {
            Element object = (Element) objects.item(i);
            String name = text(file, object, "name").trim();
            labels[i] = CLASSES.indexOf(name);
            if (labels[i] < 0) {
                throw new IOException(
                        file
                                + ": object "
                                + (i + 1)
                                + " has unknown class '"
                                + name
                                + "'; expected one of "
                                + CLASSES);
            }
            NodeList flags = object.getElementsByTagName("difficult");
            difficult[i] =
                    flags.getLength() > 0 && flags.item(0).getTextContent().trim().equals("1");
            double xmin = number(file, object, "bndbox", "xmin");
            double ymin = number(file, object, "bndbox", "ymin");
            double xmax = number(file, object, "bndbox", "xmax");
            double ymax = number(file, object, "bndbox", "ymax");
            if (xmin < 0
                    || ymin < 0
                    || xmax > width
                    || ymax > height
                    || xmin > xmax
                    || ymin > ymax) {
                throw new IOException(
                        String.format(
                                "%s: object %d (%s) has box xmin %s ymin %s xmax %s ymax %s,"
                                        + " outside the %dx%d image (VOC boxes are 1-based,"
                                        + " within 1..width and 1..height)",
                                file, i + 1, name, xmin, ymin, xmax, ymax, width, height));
            }
            boxes[4 * i] = (float) Math.max(0, xmin - 1);
            boxes[4 * i + 1] = (float) Math.max(0, ymin - 1);
            boxes[4 * i + 2] = (float) xmax;
            boxes[4 * i + 3] = (float) ymax;
        }
        return new Annotation(boxes, labels, difficult);
    }

    /** A parser that reads no external entity or DTD. */
    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }

    /** The text of the first {@code tag} under {@code parent}. */
    private static String text(Path file, Element parent, String tag) throws IOException {
        NodeList nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            throw new IOException(file + ": <" + parent.getTagName() + "> has no <" + tag + ">");
        }
        return nodes.item(0).getTextContent();
    }

    /** The number in {@code <outer><inner>} under {@code parent}. */
    private static double number(Path file, Element parent, String outer, String inner)
            throws IOException {
        NodeList nodes = parent.getElementsByTagName(outer);
        if (nodes.getLength() == 0) {
            throw new IOException(file + ": <" + parent.getTagName() + "> has no <" + outer + ">");
        }
        String value = text(file, (Element) nodes.item(0), inner).trim();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IOException(
                    file + ": <" + outer + "><" + inner + "> is '" + value + "', not a number", e);
        }
    }
}
