package mtc.data;

/**
 * Prepares a picture as the MNIST images were prepared, so that a model trained on MNIST sees
 * what it knows: a white digit on black (a light background is inverted), the digit's bounding
 * box scaled with area averaging to fit 20/28 of the frame keeping its aspect ratio, and placed
 * so that its centre of mass is at the centre of the frame.
 */
final class DigitNormalizer {
    /** Grey level above which a pixel counts as part of the digit when finding its bounding box. */
    private static final float INK = 0.1f;

    private DigitNormalizer() {}

    /** A {@code height x width} image in [0,1], white digit on black. */
    static float[] normalize(Greyscale image, int height, int width) {
        float[] ink = inkOnBlack(image);
        int[] box = boundingBox(ink, image.width(), image.height());
        if (box == null) return new float[height * width];
        int bw = box[2] - box[0], bh = box[3] - box[1];
        double scale = Math.min(20.0 / 28 * width / bw, 20.0 / 28 * height / bh);
        int dw = Math.max(1, (int) Math.round(bw * scale)), dh = Math.max(1, (int) Math.round(bh * scale));
        float[] digit = AreaResize.resize(crop(ink, image.width(), box), bw, bh, dw, dh);
        return centreByMass(digit, dw, dh, width, height);
    }

    /** The grey levels, inverted when the border (the background) is mostly light. */
    static float[] inkOnBlack(Greyscale image) {
        int w = image.width(), h = image.height();
        double border = 0;
        int count = 0;
        for (int x = 0; x < w; x++) {
            border += image.at(x, 0) + image.at(x, h - 1);
            count += 2;
        }
        for (int y = 0; y < h; y++) {
            border += image.at(0, y) + image.at(w - 1, y);
            count += 2;
        }
        boolean invert = border / count > 0.5;
        float[] out = image.pixels().clone();
        if (invert) for (int i = 0; i < out.length; i++) out[i] = 1 - out[i];
        return out;
    }

    /** {@code [x0, y0, x1, y1)} of the pixels above {@link #INK}, or null for a blank image. */
    private static int[] boundingBox(float[] ink, int w, int h) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x] <= INK) continue;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1 + 1, y1 + 1};
    }

    private static float[] crop(float[] ink, int w, int[] box) {
        int bw = box[2] - box[0], bh = box[3] - box[1];
        float[] out = new float[bw * bh];
        for (int y = 0; y < bh; y++) System.arraycopy(ink, (box[1] + y) * w + box[0], out, y * bw, bw);
        return out;
    }

    /**
     * Pastes the {@code dw x dh} digit into a black frame with its centre of mass on the middle pixel
     * (index 14 of 28, as in MNIST).
     */
    private static float[] centreByMass(float[] digit, int dw, int dh, int width, int height) {
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                float v = digit[y * dw + x];
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        int left = clamp((int) Math.round(width / 2.0 - mx / mass), 0, width - dw);
        int top = clamp((int) Math.round(height / 2.0 - my / mass), 0, height - dh);
        float[] out = new float[width * height];
        for (int y = 0; y < dh; y++) System.arraycopy(digit, y * dw, out, (top + y) * width + left, dw);
        return out;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
