package org.djmix.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The files a job shares between driver and executors, through Hadoop's {@link FileSystem}: a local
 * or NFS path, {@code hdfs://}, {@code s3a://}, whatever the cluster is configured for. It carries
 * the driver's Hadoop settings (credentials included) to the executors. Local files are written
 * without Hadoop's {@code .crc} side files, so a layout written here is byte for byte the one
 * {@code djmix corrupt} writes. A file is written whole or not at all: to a dot-named temporary
 * beside it, named after the task attempt, then renamed.
 */
final class SharedFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> settings;
    private transient Configuration configuration;

    private SharedFiles(Map<String, String> settings) {
        this.settings = settings;
    }

    /**
     * Captures a session's Hadoop settings.
     *
     * @param spark the session
     * @return the files, usable on executors
     */
    static SharedFiles of(SparkSession spark) {
        Map<String, String> settings = new HashMap<>();
        spark.sparkContext()
                .hadoopConfiguration()
                .forEach(e -> settings.put(e.getKey(), e.getValue()));
        return new SharedFiles(settings);
    }

    private Configuration configuration() {
        if (configuration == null) {
            Configuration made = new Configuration(false);
            settings.forEach(made::set);
            configuration = made;
        }
        return configuration;
    }

    /** The file system of a path, local ones without checksum files. */
    private FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(configuration());
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /**
     * Returns a path fully qualified (with its scheme), as Spark's file sources name files.
     *
     * @param path a path or URI
     * @return the qualified form, without a trailing slash
     * @throws IOException if its file system is unknown
     */
    String qualified(String path) throws IOException {
        Path p = new Path(path);
        return fileSystem(p).makeQualified(p).toString();
    }

    /**
     * Says whether a file exists.
     *
     * @param file the file
     * @return true for a regular file
     * @throws IOException if the file system cannot be asked
     */
    boolean isFile(String file) throws IOException {
        Path path = new Path(file);
        return fileSystem(path).isFile(path);
    }

    /**
     * Says whether a folder exists.
     *
     * @param folder the folder
     * @return true for a directory
     * @throws IOException if the file system cannot be asked
     */
    boolean isDirectory(String folder) throws IOException {
        Path path = new Path(folder);
        try {
            return fileSystem(path).getFileStatus(path).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    /**
     * Reads a file whole.
     *
     * @param file the file
     * @return its bytes
     * @throws IOException naming the file if it cannot be read
     */
    byte[] read(String file) throws IOException {
        Path path = new Path(file);
        try (InputStream in = fileSystem(path).open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a file atomically: a temporary named after the writer, renamed when complete. If the
     * file appeared meanwhile (a speculative attempt finished first), the temporary is dropped.
     *
     * @param file the file
     * @param content its bytes
     * @param writer who writes (a task attempt's id), so concurrent attempts do not collide
     * @throws IOException naming the file if it cannot be written
     */
    void write(String file, byte[] content, String writer) throws IOException {
        Path target = new Path(file);
        Path temporary =
                new Path(target.getParent(), "." + target.getName() + "." + writer + ".tmp");
        FileSystem fs = fileSystem(target);
        try {
            try (OutputStream out = fs.create(temporary, true)) {
                out.write(content);
            }
            if (!fs.rename(temporary, target) && !fs.isFile(target)) {
                throw new IOException("cannot rename " + temporary + " to " + target);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            fs.delete(temporary, false);
        }
    }

    /**
     * Writes a text file atomically (UTF-8).
     *
     * @param file the file
     * @param text its text
     * @throws IOException naming the file if it cannot be written
     */
    void writeString(String file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), "driver");
    }
}
