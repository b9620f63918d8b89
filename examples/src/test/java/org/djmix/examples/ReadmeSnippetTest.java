package org.djmix.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.djmix.core.Discretizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "DJMix in your own DJL training loop" snippet, taken from README.md itself, compiled
 * and run on tiny random data, so the README cannot drift from the API.
 */
class ReadmeSnippetTest {

    private static final String HEADING = "## DJMix in your own DJL training loop";

    /** What the snippet may use without imports of its own. */
    private static final List<String> IMPORTS =
            List.of(
                    "ai.djl.*",
                    "ai.djl.ndarray.types.*",
                    "ai.djl.nn.*",
                    "ai.djl.training.*",
                    "ai.djl.training.dataset.*",
                    "ai.djl.training.evaluator.*",
                    "ai.djl.training.listener.*",
                    "ai.djl.training.loss.*",
                    "org.djmix.core.*",
                    "org.djmix.core.method.*",
                    "org.djmix.tasks.classification.*");

    @TempDir Path dir;

    static String snippet(String readme) {
        int heading = readme.indexOf(HEADING);
        assertThat(heading).as("README.md has the section '%s'", HEADING).isNotNegative();
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find(heading)).as("a java block follows the heading").isTrue();
        return block.group(1);
    }

    @Test
    void theSnippetIsTheReadmes() throws IOException {
        String code = snippet(Files.readString(Path.of("..", "README.md")));
        assertThat(code)
                .contains("djmix.trainingBlock(f)")
                .contains("djmix.trainingLoss(")
                .contains("EasyTrain.fit(trainer, epochs, trainSet, testSet);");
    }

    @Test
    void theReadmeSnippetCompilesAndRuns() throws Exception {
        String code = snippet(Files.readString(Path.of("..", "README.md")));
        StringBuilder source = new StringBuilder("package readme;\n");
        IMPORTS.forEach(i -> source.append("import ").append(i).append(";\n"));
        source.append("public final class Snippet {\n")
                .append("    public static void run(Dataset trainSet, Dataset testSet,")
                .append(" Discretizer myPretrainedVqVae, int epochs) throws Exception {\n")
                .append(code)
                .append("    }\n}\n");
        Path file = dir.resolve("readme/Snippet.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        String classPath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status =
                javac.run(
                        null,
                        null,
                        null,
                        "-classpath",
                        classPath,
                        "-d",
                        dir.toString(),
                        file.toString());
        assertThat(status).as("javac on the README snippet:\n%s", source).isZero();
        try (URLClassLoader loader =
                        new URLClassLoader(
                                new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
                NDManager manager = NDManager.newBaseManager()) {
            Method run =
                    loader.loadClass("readme.Snippet")
                            .getMethod(
                                    "run",
                                    Dataset.class,
                                    Dataset.class,
                                    Discretizer.class,
                                    int.class);
            run.invoke(
                    null,
                    randomSet(manager, 32),
                    randomSet(manager, 16),
                    Discretizer.identity(),
                    1);
        }
    }

    private static ArrayDataset randomSet(NDManager manager, int size) {
        return new ArrayDataset.Builder()
                .setData(manager.randomUniform(0, 1, new Shape(size, 3, 32, 32)))
                .optLabels(
                        manager.randomInteger(0, 10, new Shape(size), DataType.INT32)
                                .toType(DataType.FLOAT32, false))
                .setSampling(16, true)
                .build();
    }
}
