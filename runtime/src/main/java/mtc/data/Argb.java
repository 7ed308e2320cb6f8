package mtc.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * A picture's pixels as 8-bit ARGB. For a grey picture the stored levels are taken as they are:
 * {@link BufferedImage#getRGB} would convert the JDK's linear grey to sRGB and brighten every
 * dark pixel (level 1 becomes 13), so that a digit saved as a grey PNG would no longer be the
 * digit MNIST holds. Other pictures go through {@code getRGB}, which is exact for 8-bit sRGB.
 */
final class Argb {
    private Argb() {}

    static int[] of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel || cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
            return image.getRGB(0, 0, w, h, null, 0, w);
        }
        Raster raster = image.getRaster();
        int[] grey = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        int[] alpha = raster.getNumBands() > 1 ? raster.getSamples(0, 0, w, h, 1, (int[]) null) : null;
        float greyMax = (1 << cm.getComponentSize(0)) - 1;
        float alphaMax = alpha == null ? 1 : (1 << cm.getComponentSize(1)) - 1;
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            int g = Math.round(grey[i] * 255 / greyMax);
            int a = alpha == null ? 255 : Math.round(alpha[i] * 255 / alphaMax);
            out[i] = a << 24 | g << 16 | g << 8 | g;
        }
        return out;
    }
}
