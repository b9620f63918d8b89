package org.djmix.corruptions;

/** The four families of ImageNet-C's corruptions (Hendrycks &amp; Dietterich 2019). */
public enum CorruptionGroup {
    /** Gaussian, shot, impulse and speckle noise. */
    NOISE,
    /** Defocus, glass, motion, zoom and Gaussian blur. */
    BLUR,
    /** Snow, frost, fog, brightness and spatter. */
    WEATHER,
    /** Contrast, elastic transform, pixelate, JPEG and saturate. */
    DIGITAL
}
