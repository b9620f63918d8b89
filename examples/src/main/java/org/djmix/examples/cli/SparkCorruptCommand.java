package org.djmix.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.corruptions.LabelledImages;
import org.djmix.spark.SparkCorruption;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.TestImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix spark corrupt}: {@code djmix corrupt} as a Spark job ({@link SparkCorruption}), the
 * same files for the same seed. A folder (a path or URI every executor reads: NFS, HDFS, S3)
 * becomes the ImageNet-C layout; a small labelled dataset (CIFAR, Fashion-MNIST) the CIFAR-10-C
 * layout.
 */
@Command(
        name = "corrupt",
        mixinStandardHelpOptions = true,
        description = "Write a corrupted copy of a dataset with Spark, as 'djmix corrupt' does.")
public final class SparkCorruptCommand implements Callable<Integer> {

    @Option(
            names = "--input",
            required = true,
            description =
                    "a folder of images (path or URI: file:, hdfs:, s3a:) for the ImageNet-C"
                            + " layout, or a small dataset (cifar10:DIR, fashion-mnist:DIR, shapes)"
                            + " for the CIFAR-10-C layout")
    private String input;

    @Option(
            names = "--output",
            required = true,
            description =
                    "the output folder (path or URI; on the driver for the CIFAR-10-C layout)")
    private String output;

    @Option(
            names = "--profile",
            description =
                    "corruption parameters: ${COMPLETION-CANDIDATES} (default: by image size)")
    private CorruptionProfile profile;

    @Option(
            names = "--format",
            defaultValue = "JPEG",
            description =
                    "image format of the ImageNet-C layout: ${COMPLETION-CANDIDATES}"
                            + " (default ${DEFAULT-VALUE})")
    private ImageFolderCWriter.Format format;

    @Option(
            names = "--center-crop",
            description =
                    "resize each folder image to SIZE/0.875 and centre-crop SIZE x SIZE before"
                            + " corrupting (ImageNet-C's recipe: the files of 'djmix corrupt"
                            + " --input imagenet:DIR@SIZE' from DIR's val folder)")
    private Integer centerCrop;

    @Mixin private CorruptionOptions corruption;

    @Mixin private SeedOption seed;

    @Mixin private SparkOptions sparkOptions;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Corruption> chosen = corruption.corruptions(Corruption.COMMON);
        boolean dataset = CorruptCommand.isDataSpec(input);
        LabelledImages images =
                dataset ? TestImages.of(DataSpec.parse(input), null).images() : null;
        CorruptionProfile parameters = CorruptCommand.profile(profile, images);
        SparkCorruption.Builder job =
                SparkCorruption.builder()
                        .setJob(
                                CorruptionJob.builder()
                                        .optCorruptions(chosen)
                                        .optSeverities(corruption.severities())
                                        .optProfile(parameters)
                                        .optSeed(seed.value())
                                        .build())
                        .optFormat(format)
                        .optImagesPerTask(sparkOptions.imagesPerTask());
        if (centerCrop != null) {
            if (dataset) {
                throw new IllegalArgumentException(
                        "--center-crop is for a folder of images; " + input + " is a dataset");
            }
            job.optCenterCrop(centerCrop);
        }
        SparkSession spark = (SparkSession) sparkOptions.session("djmix spark corrupt");
        long start = System.nanoTime();
        long written;
        String unit;
        if (dataset) {
            written =
                    job.build()
                            .runCifar(
                                    spark,
                                    images,
                                    Path.of(output),
                                    sparkOptions.partitions(
                                            spark.sparkContext().defaultParallelism()));
            unit = "corruption files";
        } else {
            written =
                    job.build()
                            .runFolder(
                                    spark,
                                    input,
                                    output,
                                    sparkOptions.partitions(
                                            spark.sparkContext().defaultParallelism()));
            unit = "images";
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %d %s to %s in %.1f s (%s)%n",
                        written,
                        unit,
                        output,
                        (System.nanoTime() - start) / 1e9,
                        SparkCorruption.MANIFEST);
        return 0;
    }
}
