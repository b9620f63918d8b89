package org.djmix.corruptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.djmix.image.ByteImage;
import org.djmix.image.DoubleImage;

/**
 * The 19 corruptions of ImageNet-C (Hendrycks &amp; Dietterich 2019): the 15 of the benchmark and 4
 * for validation, each at severities 1..5 with a {@link CorruptionProfile}'s parameters. Inputs are
 * 8-bit images (1 or 3 channels, any size), as the reference reads them; the result is truncated
 * back to 8 bits, as the reference's {@code np.uint8} does. All randomness comes from the given
 * seed or generator: the same seed gives the same bytes on any machine and thread.
 */
public enum Corruption {
    /** \(x + \mathcal{N}(0, \sigma^2)\). */
    GAUSSIAN_NOISE("gaussian_noise", CorruptionGroup.NOISE, NoiseCorruptions::gaussian),
    /** \(\mathrm{Poisson}(\lambda x)/\lambda\). */
    SHOT_NOISE("shot_noise", CorruptionGroup.NOISE, NoiseCorruptions::shot),
    /** Salt and pepper. */
    IMPULSE_NOISE("impulse_noise", CorruptionGroup.NOISE, NoiseCorruptions::impulse),
    /** A disk kernel. */
    DEFOCUS_BLUR("defocus_blur", CorruptionGroup.BLUR, BlurCorruptions::defocus),
    /** Blur, local pixel copies, blur. */
    GLASS_BLUR("glass_blur", CorruptionGroup.BLUR, BlurCorruptions::glass),
    /** A line kernel at a random angle. */
    MOTION_BLUR("motion_blur", CorruptionGroup.BLUR, BlurCorruptions::motion),
    /** The mean of centre zooms. */
    ZOOM_BLUR("zoom_blur", CorruptionGroup.BLUR, BlurCorruptions::zoom),
    /** Snow flakes over a whitened image. */
    SNOW("snow", CorruptionGroup.WEATHER, WeatherCorruptions::snow),
    /** A frost texture blended in. */
    FROST("frost", CorruptionGroup.WEATHER, WeatherCorruptions::frost),
    /** A plasma fractal added. */
    FOG("fog", CorruptionGroup.WEATHER, WeatherCorruptions::fog),
    /** V + c in HSV. */
    BRIGHTNESS("brightness", CorruptionGroup.WEATHER, WeatherCorruptions::brightness),
    /** \((x - \bar{x}_c)\,c + \bar{x}_c\). */
    CONTRAST("contrast", CorruptionGroup.DIGITAL, DigitalCorruptions::contrast),
    /** A random affine and smoothed random displacements. */
    ELASTIC_TRANSFORM("elastic_transform", CorruptionGroup.DIGITAL, DigitalCorruptions::elastic),
    /** Box down- and up-sampling. */
    PIXELATE("pixelate", CorruptionGroup.DIGITAL, DigitalCorruptions::pixelate),
    /** JPEG at a libjpeg quality. */
    JPEG_COMPRESSION("jpeg_compression", CorruptionGroup.DIGITAL, DigitalCorruptions::jpeg),
    /** \(x + x\,\mathcal{N}(0, \sigma^2)\) (validation). */
    SPECKLE_NOISE("speckle_noise", CorruptionGroup.NOISE, NoiseCorruptions::speckle),
    /** A Gaussian kernel (validation). */
    GAUSSIAN_BLUR("gaussian_blur", CorruptionGroup.BLUR, BlurCorruptions::gaussian),
    /** Water or mud splashes (validation). */
    SPATTER("spatter", CorruptionGroup.WEATHER, SpatterCorruption::apply),
    /** S·a + b in HSV (validation). */
    SATURATE("saturate", CorruptionGroup.DIGITAL, DigitalCorruptions::saturate);

    /** The 15 corruptions of the benchmark (CIFAR-10-C, ImageNet-C), in their usual order. */
    public static final List<Corruption> COMMON =
            List.of(
                    GAUSSIAN_NOISE,
                    SHOT_NOISE,
                    IMPULSE_NOISE,
                    DEFOCUS_BLUR,
                    GLASS_BLUR,
                    MOTION_BLUR,
                    ZOOM_BLUR,
                    SNOW,
                    FROST,
                    FOG,
                    BRIGHTNESS,
                    CONTRAST,
                    ELASTIC_TRANSFORM,
                    PIXELATE,
                    JPEG_COMPRESSION);

    /** The 4 validation corruptions. */
    public static final List<Corruption> VALIDATION =
            List.of(SPECKLE_NOISE, GAUSSIAN_BLUR, SPATTER, SATURATE);

    /**
     * The 10 the paper uses for segmentation and detection (Segmentation-C, Detection-C): the
     * common 15 without the blurs and the elastic transform, which move the boundaries that masks
     * and boxes keep.
     */
    public static final List<Corruption> SEGMENTATION_DETECTION =
            COMMON.stream()
                    .filter(c -> c.group != CorruptionGroup.BLUR && c != ELASTIC_TRANSFORM)
                    .toList();

    /** All 19. */
    public static final List<Corruption> ALL = List.of(values());

    /**
     * The ten of {@link #COMMON} that do not brighten a black background (all but snow, frost, fog,
     * brightness and contrast): on dark images such as Fashion-MNIST the others change the picture
     * rather than corrupt it.
     */
    public static final List<Corruption> NON_BRIGHTENING =
            COMMON.stream()
                    .filter(c -> !List.of(SNOW, FROST, FOG, BRIGHTNESS, CONTRAST).contains(c))
                    .toList();

    /** The named subsets {@link #parseList} accepts, by name. */
    public static final Map<String, List<Corruption>> SUBSETS =
            Map.of(
                    "common", COMMON,
                    "validation", VALIDATION,
                    "segdet", SEGMENTATION_DETECTION,
                    "all", ALL);

    /** The highest severity. */
    public static final int MAX_SEVERITY = 5;

    /**
     * Parses a list of corruptions: a subset ("common" (15), "validation" (4), "segdet" (10), "all"
     * (19)) or comma-separated names.
     *
     * @param text the list
     * @return the corruptions, in the given order
     * @throws IllegalArgumentException naming the accepted subsets and names
     */
    public static List<Corruption> parseList(String text) {
        List<Corruption> subset = SUBSETS.get(text.trim());
        if (subset != null) {
            return subset;
        }
        List<Corruption> list = new ArrayList<>();
        for (String name : text.split(",")) {
            Corruption corruption = byId(name.trim());
            if (corruption == null) {
                throw new IllegalArgumentException(
                        "unknown corruption '%s'; expected common, validation, segdet, all or"
                                        .formatted(name.trim())
                                + " names from: "
                                + ids());
            }
            list.add(corruption);
        }
        return list;
    }

    /**
     * Parses severities: a range or a list, e.g. {@code 1-5} or {@code 1,3,5}.
     *
     * @param text the severities
     * @return them, in the given order
     * @throws IllegalArgumentException if one is not an integer in 1..5
     */
    public static List<Integer> parseSeverities(String text) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.trim().split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException(severityMessage(text));
            }
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                if (from < 1 || to > MAX_SEVERITY || from > to) {
                    throw new IllegalArgumentException(severityMessage(text));
                }
                for (int s = from; s <= to; s++) {
                    list.add(s);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(severityMessage(text), e);
            }
        }
        return list;
    }

    private static String severityMessage(String text) {
        return "'%s' is not a severity list; expected severities 1 to %d as a range or list, e.g. 1-5 or 1,3,5"
                .formatted(text, MAX_SEVERITY);
    }

    private static Corruption byId(String id) {
        for (Corruption c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    private static String ids() {
        return Arrays.stream(values()).map(Corruption::id).collect(Collectors.joining(", "));
    }

    private final String id;
    private final CorruptionGroup group;
    private final CorruptionFunction function;

    Corruption(String id, CorruptionGroup group, CorruptionFunction function) {
        this.id = id;
        this.group = group;
        this.function = function;
    }

    /**
     * Returns the reference's name (e.g. {@code gaussian_noise}), used in file names.
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * Returns the corruption's family.
     *
     * @return the group
     */
    public CorruptionGroup group() {
        return group;
    }

    /**
     * Corrupts an image with a seed.
     *
     * @param image the 8-bit image (1 or 3 channels)
     * @param severity 1..5
     * @param profile the parameter set
     * @param seed the seed: the same seed gives the same bytes
     * @return a new image of the same shape
     */
    public ByteImage apply(ByteImage image, int severity, CorruptionProfile profile, long seed) {
        return apply(image, severity, profile, new SplittableRandom(seed));
    }

    /**
     * Corrupts an image given in [0, 1], as models see it: it is first rounded to 8 bits, the form
     * the reference reads (a PIL image).
     *
     * @param image the image, samples in [0, 1] (1 or 3 channels)
     * @param severity 1..5
     * @param profile the parameter set
     * @param seed the seed: the same seed gives the same bytes
     * @return a new 8-bit image of the same shape
     */
    public ByteImage apply(DoubleImage image, int severity, CorruptionProfile profile, long seed) {
        return apply(image.toBytesRounded(), severity, profile, seed);
    }

    /**
     * Corrupts an image with a random generator (the only randomness used).
     *
     * @param image the 8-bit image (1 or 3 channels)
     * @param severity 1..5
     * @param profile the parameter set
     * @param random the generator
     * @return a new image of the same shape
     */
    public ByteImage apply(
            ByteImage image, int severity, CorruptionProfile profile, RandomGenerator random) {
        checkSeverity(severity);
        return function.apply(image, profile.parameters(this, severity), profile, random);
    }

    /**
     * Returns the corruption with a reference name.
     *
     * @param id e.g. {@code glass_blur}
     * @return the corruption
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Corruption fromId(String id) {
        Corruption corruption = byId(id);
        if (corruption == null) {
            throw new IllegalArgumentException(
                    "unknown corruption '" + id + "'; expected one of " + ids());
        }
        return corruption;
    }

    static void checkSeverity(int severity) {
        if (severity < 1 || severity > MAX_SEVERITY) {
            throw new IllegalArgumentException(
                    "severity must be 1.." + MAX_SEVERITY + ", got " + severity);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
