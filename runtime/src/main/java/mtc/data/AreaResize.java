package mtc.data;

/**
 * Resizes a grey image by area averaging: each output pixel is the mean of the input area it
 * covers (fractional pixels weighted by their overlap). Unlike point sampling it keeps thin
 * strokes when a large picture shrinks to 28x28.
 */
final class AreaResize {
    private AreaResize() {}

    static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
        float[] out = new float[dw * dh];
        double fx = (double) sw / dw, fy = (double) sh / dh;
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                out[y * dw + x] = (float) mean(src, sw, sh, x * fx, (x + 1) * fx, y * fy, (y + 1) * fy);
            }
        }
        return out;
    }

    /** The mean of {@code src} over the rectangle {@code [x0,x1) x [y0,y1)} in source pixels. */
    private static double mean(float[] src, int sw, int sh, double x0, double x1, double y0, double y1) {
        double sum = 0;
        for (int y = (int) y0; y < Math.min(sh, Math.ceil(y1)); y++) {
            double wy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) x0; x < Math.min(sw, Math.ceil(x1)); x++) {
                double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                sum += wx * wy * src[y * sw + x];
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }
}
