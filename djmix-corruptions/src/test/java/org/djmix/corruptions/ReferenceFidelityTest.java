package org.djmix.corruptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deterministic corruptions against the reference's own code run with its libraries
 * (src/test/python/corruption_fixtures.py): the bytes must agree up to the float rounding of values
 * that fall on an integer before truncation.
 */
class ReferenceFidelityTest {

    private static JsonObject fixtures;
    private static ByteImage image;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ReferenceFidelityTest.class.getResourceAsStream("fixtures.json")) {
            fixtures =
                    JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                            .getAsJsonObject();
        }
        int size = fixtures.get("size").getAsInt();
        image = ByteImage.wrap(3, size, size, decode(fixtures.get("image").getAsString()));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    static Stream<Arguments> cases() {
        return Stream.of("cifar", "imagenet")
                .flatMap(
                        profile ->
                                Stream.of(
                                                "defocus_blur",
                                                "zoom_blur",
                                                "brightness",
                                                "contrast",
                                                "pixelate",
                                                "jpeg_compression",
                                                "gaussian_blur",
                                                "saturate")
                                        .flatMap(
                                                name ->
                                                        Stream.of(1, 2, 3, 4, 5)
                                                                .map(
                                                                        s ->
                                                                                Arguments.of(
                                                                                        profile,
                                                                                        name, s))));
    }

    @ParameterizedTest(name = "{0} {1} severity {2}")
    @MethodSource("cases")
    void matchesTheReference(String profile, String name, int severity) {
        JsonArray outputs = fixtures.getAsJsonObject(profile).getAsJsonArray(name);
        byte[] expected = decode(outputs.get(severity - 1).getAsString());
        byte[] actual =
                Corruption.fromId(name)
                        .apply(image, severity, CorruptionProfile.fromName(profile), 0)
                        .array();
        int differing = 0;
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            int d = Math.abs((expected[i] & 0xFF) - (actual[i] & 0xFF));
            differing += d > 0 ? 1 : 0;
            worst = Math.max(worst, d);
        }
        System.out.printf(
                "%s %s %d: %d differ, worst %d%n", profile, name, severity, differing, worst);
        assertThat(worst).isLessThanOrEqualTo(1);
        assertThat(differing).isLessThanOrEqualTo(expected.length / 100);
    }
}
