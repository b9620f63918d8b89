package org.djmix.tasks.eval;

import java.util.Map;
import org.djmix.corruptions.Corruption;

/**
 * AlexNet's ImageNet-C errors, the normaliser of the corruption error (Hendrycks and Dietterich
 * 2019): \(CE_c = \sum_s E_{c,s} / \sum_s E^{AlexNet}_{c,s}\), mCE the mean over the 15, relative
 * CE with \(E - E_{clean}\) on both sides (AlexNet's clean error 0.43478).
 */
public final class AlexNetErrors {

    /** AlexNet's clean top-1 error on ImageNet. */
    public static final double CLEAN = 0.43478;

    /** AlexNet's mean error over the 5 severities, per corruption. */
    public static final Map<Corruption, Double> MEAN =
            Map.ofEntries(
                    Map.entry(Corruption.GAUSSIAN_NOISE, 0.886428),
                    Map.entry(Corruption.SHOT_NOISE, 0.894468),
                    Map.entry(Corruption.IMPULSE_NOISE, 0.922640),
                    Map.entry(Corruption.DEFOCUS_BLUR, 0.819880),
                    Map.entry(Corruption.GLASS_BLUR, 0.826268),
                    Map.entry(Corruption.MOTION_BLUR, 0.785948),
                    Map.entry(Corruption.ZOOM_BLUR, 0.798360),
                    Map.entry(Corruption.SNOW, 0.866816),
                    Map.entry(Corruption.FROST, 0.826572),
                    Map.entry(Corruption.FOG, 0.819324),
                    Map.entry(Corruption.BRIGHTNESS, 0.564592),
                    Map.entry(Corruption.CONTRAST, 0.853204),
                    Map.entry(Corruption.ELASTIC_TRANSFORM, 0.646056),
                    Map.entry(Corruption.PIXELATE, 0.717840),
                    Map.entry(Corruption.JPEG_COMPRESSION, 0.606500));

    private AlexNetErrors() {}
}
