package mtc.data;

import java.awt.image.BufferedImage;

/**
 * A picture as grey levels in [0,1] (0 black, 1 white), transparent parts counted as white
 * paper, the way a drawing with a transparent background looks on screen.
 *
 * @param pixels row-major, {@code width * height} values
 */
record Greyscale(int width, int height, float[] pixels) {
    static Greyscale of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = Argb.of(image);
        float[] grey = new float[w * h];
        for (int i = 0; i < grey.length; i++) grey[i] = level(argb[i]);
        return new Greyscale(w, h, grey);
    }

    /** ITU-R BT.601 luma of an sRGB pixel, composited over white. */
    static float level(int argb) {
        float a = (argb >>> 24) / 255f;
        float luma = (0.299f * ((argb >> 16) & 0xFF) + 0.587f * ((argb >> 8) & 0xFF) + 0.114f * (argb & 0xFF)) / 255f;
        return a * luma + (1 - a);
    }

    float at(int x, int y) { return pixels[y * width + x]; }
}
