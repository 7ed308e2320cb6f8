package mtc.kernels;

/**
 * Batch normalisation as PyTorch's BatchNorm1d/2d, per channel {@code ch} of row-major
 * {@code [n, c, spatial]} data ({@code spatial == 1} for {@code [n, c]} input). Training uses the
 * biased batch variance to normalise and the unbiased one to update the running variance
 * ({@code running = (1-momentum)·running + momentum·batch}); evaluation uses the running statistics.
 * Sums are accumulated in double so that the statistics do not depend on the batch's order.
 */
public final class BatchNormKernels {
    private BatchNormKernels() {}

    /**
     * Training forward. Saves {@code xhat} (normalised input) and {@code invStd} per channel for
     * {@link #backward}, and increments {@code counter[0]} ({@code num_batches_tracked}).
     */
    public static void train(float[] x, float[] y, float[] xhat, float[] invStd,
                             float[] gamma, float[] beta, float[] runMean, float[] runVar, long[] counter,
                             int n, int c, int spatial, float eps, float momentum) {
        int m = n * spatial;
        for (int ch = 0; ch < c; ch++) {
            double mu = channelSum(x, ch, n, c, spatial) / m;
            double var = channelSquares(x, ch, n, c, spatial, mu) / m;
            float inv = (float) (1.0 / Math.sqrt(var + eps));
            normalise(x, y, xhat, ch, n, c, spatial, (float) mu, inv, gamma[ch], beta[ch]);
            invStd[ch] = inv;
            double unbiased = m > 1 ? var * m / (m - 1) : var;
            runMean[ch] = (float) ((1 - momentum) * runMean[ch] + momentum * mu);
            runVar[ch] = (float) ((1 - momentum) * runVar[ch] + momentum * unbiased);
        }
        counter[0]++;
    }

    /** Evaluation forward: normalises with the running statistics. */
    public static void eval(float[] x, float[] y, float[] gamma, float[] beta, float[] runMean, float[] runVar,
                            int n, int c, int spatial, float eps) {
        for (int ch = 0; ch < c; ch++) {
            float inv = (float) (1.0 / Math.sqrt(runVar[ch] + (double) eps));
            float scale = gamma[ch] * inv;
            float shift = beta[ch] - runMean[ch] * scale;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * spatial;
                for (int s = 0; s < spatial; s++) y[base + s] = x[base + s] * scale + shift;
            }
        }
    }

    /**
     * Gradients through training-mode normalisation:
     * {@code dx = γ·invStd/m · (m·dy − Σdy − xhat·Σ(dy·xhat))}, {@code dγ = Σ dy·xhat}, {@code dβ = Σ dy}.
     */
    public static void backward(float[] dy, float[] xhat, float[] gamma, float[] invStd,
                                float[] dx, float[] dgamma, float[] dbeta, int n, int c, int spatial) {
        int m = n * spatial;
        for (int ch = 0; ch < c; ch++) {
            double sumDy = channelSum(dy, ch, n, c, spatial);
            double sumDyXhat = channelDot(dy, xhat, ch, n, c, spatial);
            dgamma[ch] = (float) sumDyXhat;
            dbeta[ch] = (float) sumDy;
            float k = gamma[ch] * invStd[ch] / m;
            float sumDyF = (float) sumDy;
            float sumDyXhatF = (float) sumDyXhat;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * spatial;
                for (int s = 0; s < spatial; s++) {
                    int i = base + s;
                    dx[i] = k * (m * dy[i] - sumDyF - xhat[i] * sumDyXhatF);
                }
            }
        }
    }

    private static void normalise(float[] x, float[] y, float[] xhat, int ch, int n, int c, int spatial,
                                  float mu, float inv, float gamma, float beta) {
        for (int b = 0; b < n; b++) {
            int base = (b * c + ch) * spatial;
            for (int s = 0; s < spatial; s++) {
                float h = (x[base + s] - mu) * inv;
                xhat[base + s] = h;
                y[base + s] = h * gamma + beta;
            }
        }
    }

    private static double channelSum(float[] a, int ch, int n, int c, int spatial) {
        double sum = 0;
        for (int b = 0; b < n; b++) {
            int base = (b * c + ch) * spatial;
            for (int s = 0; s < spatial; s++) sum += a[base + s];
        }
        return sum;
    }

    private static double channelSquares(float[] a, int ch, int n, int c, int spatial, double mu) {
        double sum = 0;
        for (int b = 0; b < n; b++) {
            int base = (b * c + ch) * spatial;
            for (int s = 0; s < spatial; s++) {
                double d = a[base + s] - mu;
                sum += d * d;
            }
        }
        return sum;
    }

    private static double channelDot(float[] a, float[] b2, int ch, int n, int c, int spatial) {
        double sum = 0;
        for (int b = 0; b < n; b++) {
            int base = (b * c + ch) * spatial;
            for (int s = 0; s < spatial; s++) sum += (double) a[base + s] * b2[base + s];
        }
        return sum;
    }
}
