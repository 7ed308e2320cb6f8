package mtc.kernels;

/**
 * Batch-norm loops for {@code [n, c, spatial]} data with {@code spatial > 1}: each (sample,
 * channel) pair is a contiguous run of positions. Sums go to {@code scratch[0, c)} and
 * {@code scratch[c, 2c)} as {@link BatchNormKernels} describes.
 */
final class BatchNormImages {
    private BatchNormImages() {}

    /** {@code scratch[ch]} = mean, {@code scratch[c + ch]} = Σ (x − mean)²: two passes, for accuracy. */
    static void sumsAndSquares(float[] x, double[] scratch, int n, int c, int spatial) {
        java.util.Arrays.fill(scratch, 0, 2 * c, 0.0);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * spatial;
                double s = 0;
                for (int p = 0; p < spatial; p++) s += x[base + p];
                scratch[ch] += s;
            }
        }
        for (int ch = 0; ch < c; ch++) scratch[ch] /= (double) n * spatial;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * spatial;
                double mean = scratch[ch];
                double s = 0;
                for (int p = 0; p < spatial; p++) {
                    double d = x[base + p] - mean;
                    s += d * d;
                }
                scratch[c + ch] += s;
            }
        }
    }

    /** {@code xhat = (x − mean)·invStd}, {@code y = γ·xhat + β}, with mean and invStd in {@code scratch}. */
    static void normalise(float[] x, float[] y, float[] xhat, float[] gamma, float[] beta, double[] scratch,
                          int n, int c, int spatial) {
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                float mean = (float) scratch[ch];
                float inv = (float) scratch[c + ch];
                int base = (b * c + ch) * spatial;
                for (int p = 0; p < spatial; p++) {
                    float h = (x[base + p] - mean) * inv;
                    xhat[base + p] = h;
                    y[base + p] = h * gamma[ch] + beta[ch];
                }
            }
        }
    }

    /** {@code y = x·scratch[ch] + scratch[c + ch]}. */
    static void scaleAndShift(float[] x, float[] y, double[] scratch, int n, int c, int spatial) {
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                float scale = (float) scratch[ch];
                float shift = (float) scratch[c + ch];
                int base = (b * c + ch) * spatial;
                for (int p = 0; p < spatial; p++) y[base + p] = x[base + p] * scale + shift;
            }
        }
    }

    /** {@code scratch[ch] = Σ dy}, {@code scratch[c + ch] = Σ dy·xhat}. */
    static void gradientSums(float[] dy, float[] xhat, double[] scratch, int n, int c, int spatial) {
        java.util.Arrays.fill(scratch, 0, 2 * c, 0.0);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * spatial;
                double sum = 0;
                double dot = 0;
                for (int p = 0; p < spatial; p++) {
                    sum += dy[base + p];
                    dot += (double) dy[base + p] * xhat[base + p];
                }
                scratch[ch] += sum;
                scratch[c + ch] += dot;
            }
        }
    }

    static void inputGradient(float[] dy, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                              float[] dgamma, float[] dbeta, int n, int c, int spatial) {
        int m = n * spatial;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                float k = gamma[ch] * invStd[ch] / m;
                int base = (b * c + ch) * spatial;
                for (int p = 0; p < spatial; p++) {
                    int i = base + p;
                    dx[i] = k * (m * dy[i] - dbeta[ch] - xhat[i] * dgamma[ch]);
                }
            }
        }
    }
}
