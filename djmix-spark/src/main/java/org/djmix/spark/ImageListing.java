package org.djmix.spark;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.djmix.image.BufferedImages;

/**
 * The image files under a folder on any file system Spark reads, listed with Spark's {@code
 * binaryFile} source (recursive; the content column is not read), as sorted relative paths: the
 * order {@code djmix corrupt} gives a local folder, so image {@code i} is the same image on one
 * machine and on a cluster. Like every Spark file source it leaves out names starting with {@code
 * .} or {@code _}.
 */
final class ImageListing {

    private ImageListing() {}

    /**
     * Lists a folder.
     *
     * @param spark the session
     * @param files the shared file systems
     * @param folder the folder (a path or URI)
     * @return the relative paths of its image files, with {@code /}, sorted
     * @throws IOException naming the folder if it does not exist or holds no image
     */
    static List<String> relativePaths(SparkSession spark, SharedFiles files, String folder)
            throws IOException {
        String root = files.qualified(folder);
        if (!files.isDirectory(root)) {
            throw new IOException("input folder " + folder + " does not exist");
        }
        String prefix = root.endsWith("/") ? root : root + "/";
        List<String> names =
                spark
                        .read()
                        .format("binaryFile")
                        .option("recursiveFileLookup", "true")
                        .load(root)
                        .select("path")
                        .collectAsList()
                        .stream()
                        .map((Row row) -> row.getString(0))
                        .filter(path -> path.startsWith(prefix))
                        .map(path -> path.substring(prefix.length()))
                        .filter(name -> BufferedImages.isImageFile(java.nio.file.Path.of(name)))
                        .sorted()
                        .toList();
        if (names.isEmpty()) {
            throw new IOException(
                    "input folder "
                            + folder
                            + " holds no image ("
                            + String.join(", ", BufferedImages.EXTENSIONS)
                            + ")");
        }
        return names;
    }
}
