package mtc.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * One picture of an image folder as a model input of unsigned bytes: grey (as {@link Greyscale})
 * or the three RGB planes, each composited over white and resized by area averaging to the
 * target's {@code height x width} (stretched, as torchvision's {@code Resize((h, w))}), then
 * rounded to bytes, as an 8-bit resized picture holds them. Bytes rather than floats: a quarter
 * of the memory, and the same [0,1] values a PNG of that size would give.
 */
final class ImageBytes {
    private ImageBytes() {}

    /** Decodes {@code file} and writes its {@code target.size()} bytes into {@code out} from {@code offset}. */
    static void read(Path file, ImageInput.Target target, byte[] out, int offset) throws DataException {
        BufferedImage image = ImageInput.decode(file);
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = Argb.of(image);
        int plane = target.height() * target.width();
        for (int c = 0; c < target.channels(); c++) {
            float[] resized = AreaResize.resize(channel(argb, target.channels() == 1 ? -1 : c), w, h,
                    target.width(), target.height());
            for (int i = 0; i < plane; i++) out[offset + c * plane + i] = toByte(resized[i]);
        }
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue; -1 grey) in [0,1], over white paper. */
    private static float[] channel(int[] argb, int c) {
        float[] out = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            if (c < 0) {
                out[i] = Greyscale.level(p);
            } else {
                float a = (p >>> 24) / 255f;
                out[i] = a * ((p >> (16 - 8 * c)) & 0xFF) / 255f + (1 - a);
            }
        }
        return out;
    }

    private static byte toByte(float v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
