package org.djmix.corruptions;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;

/**
 * The five frost textures of ImageNet-C (resources {@code frost/frost1.png} … {@code frost5.jpg},
 * Apache-2.0, see {@code frost/NOTICE}), read once as RGB (alpha dropped, as {@code cv2.imread}
 * does) and cached per scale.
 */
final class FrostTextures {

    private static final String[] FILES = {
        "frost1.png", "frost2.png", "frost3.png", "frost4.jpg", "frost5.jpg"
    };

    private static final Map<String, ByteImage> CACHE = new ConcurrentHashMap<>();

    private FrostTextures() {}

    /** How many textures there are. */
    static int count() {
        return FILES.length;
    }

    /**
     * Returns a texture resized by a factor (OpenCV's bilinear {@code resize} with {@code fx = fy =
     * scale}; 1 keeps it as it is).
     */
    static ByteImage get(int index, double scale) {
        return CACHE.computeIfAbsent(
                index + "@" + scale,
                key -> {
                    ByteImage texture = read(FILES[index]);
                    if (scale == 1) {
                        return texture;
                    }
                    int h = (int) Math.rint(texture.height() * scale);
                    int w = (int) Math.rint(texture.width() * scale);
                    return LinearResize.resize(texture, h, w);
                });
    }

    private static ByteImage read(String name) {
        try (InputStream in = FrostTextures.class.getResourceAsStream("frost/" + name)) {
            if (in == null) {
                throw new IOException("resource frost/" + name + " is missing from the jar");
            }
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IOException("resource frost/" + name + " is not a readable image");
            }
            return BufferedImages.toByteImage(image, 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
