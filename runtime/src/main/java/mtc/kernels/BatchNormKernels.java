package mtc.kernels;

/**
 * Batch normalisation as PyTorch's BatchNorm1d/2d, per channel {@code ch} of row-major
 * {@code [n, c, spatial]} data ({@code spatial == 1} for {@code [n, c]} input). Training uses the
 * biased batch variance to normalise and the unbiased one to update the running variance
 * ({@code running = (1-momentum)·running + momentum·batch}); evaluation uses the running statistics.
 *
 * <p>Per-channel sums are accumulated in double, as PyTorch does on the CPU, in the caller's
 * {@code scratch} (at least {@code 2c} doubles) so that no step allocates. Feature vectors
 * ({@code spatial == 1}) take the vectorised path of {@link BatchNormRows}; images the
 * per-channel loops of {@link BatchNormImages}.
 */
public final class BatchNormKernels {
    private BatchNormKernels() {}

    /**
     * Training forward. Saves {@code xhat} (normalised input) and {@code invStd} per channel for
     * {@link #backward}, and increments {@code counter[0]} ({@code num_batches_tracked}).
     */
    public static void train(float[] x, float[] y, float[] xhat, float[] invStd, float[] gamma, float[] beta,
                             float[] runMean, float[] runVar, long[] counter, double[] scratch,
                             int n, int c, int spatial, float eps, float momentum) {
        statistics(x, invStd, runMean, runVar, scratch, n, c, spatial, eps, momentum);
        if (spatial == 1) BatchNormRows.normalise(x, y, xhat, gamma, beta, scratch, n, c);
        else BatchNormImages.normalise(x, y, xhat, gamma, beta, scratch, n, c, spatial, false);
        counter[0]++;
    }

    /**
     * {@link #train} over images ({@code spatial > 1}) then relu, {@code y = max(γ·xhat + β, 0)}: the
     * same numbers as the two kernels, the norm's own output never stored.
     */
    public static void trainRelu(float[] x, float[] y, float[] xhat, float[] invStd, float[] gamma, float[] beta,
                                 float[] runMean, float[] runVar, long[] counter, double[] scratch,
                                 int n, int c, int spatial, float eps, float momentum) {
        statistics(x, invStd, runMean, runVar, scratch, n, c, spatial, eps, momentum);
        BatchNormImages.normalise(x, y, xhat, gamma, beta, scratch, n, c, spatial, true);
        counter[0]++;
    }

    /**
     * The batch statistics of training mode: {@code invStd}, the running statistics' update, and
     * in {@code scratch} the mean ({@code [ch]}) and invStd ({@code [c + ch]}) for normalising.
     */
    static void statistics(float[] x, float[] invStd, float[] runMean, float[] runVar, double[] scratch,
                           int n, int c, int spatial, float eps, float momentum) {
        int m = n * spatial;
        if (spatial == 1) BatchNormRows.sumsAndSquares(x, scratch, n, c);
        else BatchNormImages.sumsAndSquares(x, scratch, n, c, spatial);
        for (int ch = 0; ch < c; ch++) {
            double mean = scratch[ch];
            double var = scratch[c + ch] / m;
            invStd[ch] = (float) (1.0 / Math.sqrt(var + eps));
            // PyTorch refuses a single value per channel in training; mtc keeps going with the biased 0.
            double unbiased = m > 1 ? var * m / (m - 1) : var;
            runMean[ch] = (float) ((1 - momentum) * runMean[ch] + momentum * mean);
            runVar[ch] = (float) ((1 - momentum) * runVar[ch] + momentum * unbiased);
            scratch[c + ch] = invStd[ch];
        }
    }

    /** Evaluation forward: normalises with the running statistics ({@code y = x·scale + shift} per channel). */
    public static void eval(float[] x, float[] y, float[] gamma, float[] beta, float[] runMean, float[] runVar,
                            double[] scratch, int n, int c, int spatial, float eps) {
        evalScales(gamma, beta, runMean, runVar, scratch, c, eps);
        if (spatial == 1) BatchNormRows.scaleAndShift(x, y, scratch, n, c);
        else BatchNormImages.scaleAndShift(x, y, scratch, n, c, spatial, false);
    }

    /** {@link #eval} over images ({@code spatial > 1}) then relu: the same numbers as the two kernels. */
    public static void evalRelu(float[] x, float[] y, float[] gamma, float[] beta, float[] runMean, float[] runVar,
                                double[] scratch, int n, int c, int spatial, float eps) {
        evalScales(gamma, beta, runMean, runVar, scratch, c, eps);
        BatchNormImages.scaleAndShift(x, y, scratch, n, c, spatial, true);
    }

    /**
     * Evaluation's {@code y = x·scale + shift} per channel: {@code scratch[ch] = scale},
     * {@code scratch[c + ch] = shift}.
     */
    private static void evalScales(float[] gamma, float[] beta, float[] runMean, float[] runVar, double[] scratch,
                                   int c, float eps) {
        for (int ch = 0; ch < c; ch++) {
            float scale = gamma[ch] * (float) (1.0 / Math.sqrt(runVar[ch] + (double) eps));
            scratch[ch] = scale;
            scratch[c + ch] = beta[ch] - runMean[ch] * scale;
        }
    }

    /**
     * Gradients through training-mode normalisation:
     * {@code dx = γ·invStd/m · (m·dy − Σdy − xhat·Σ(dy·xhat))},
     * {@code dγ = Σ dy·xhat}, {@code dβ = Σ dy}.
     */
    public static void backward(float[] dy, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                                float[] dgamma, float[] dbeta, double[] scratch, int n, int c, int spatial) {
        parameterGradients(dy, xhat, dgamma, dbeta, scratch, n, c, spatial);
        if (spatial == 1) BatchNormRows.inputGradient(dy, xhat, gamma, invStd, dx, dgamma, dbeta, n, c);
        else BatchNormImages.inputGradient(dy, xhat, gamma, invStd, dx, dgamma, dbeta, n, c, spatial, null);
    }

    /**
     * {@link #backward} over images ({@code spatial > 1}) and the bias gradient {@code dbias = Σ dx}
     * per channel of the convolution before, summed as {@code dx} is written: the numbers of
     * {@link Channels#biasGrad} over {@code dx}, without reading it again.
     */
    public static void backwardBias(float[] dy, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                                    float[] dgamma, float[] dbeta, float[] dbias, double[] scratch,
                                    int n, int c, int spatial) {
        parameterGradients(dy, xhat, dgamma, dbeta, scratch, n, c, spatial);
        RunSums sums = RunSums.of(n * c);
        BatchNormImages.inputGradient(dy, xhat, gamma, invStd, dx, dgamma, dbeta, n, c, spatial, sums);
        sums.total(dbias, n, c);
    }

    /** {@code dβ = Σ dy}, {@code dγ = Σ dy·xhat}. */
    private static void parameterGradients(float[] dy, float[] xhat, float[] dgamma, float[] dbeta,
                                           double[] scratch, int n, int c, int spatial) {
        if (spatial == 1) BatchNormRows.gradientSums(dy, xhat, scratch, n, c);
        else BatchNormImages.gradientSums(dy, xhat, scratch, n, c, spatial);
        for (int ch = 0; ch < c; ch++) {
            dbeta[ch] = (float) scratch[ch];
            dgamma[ch] = (float) scratch[c + ch];
        }
    }
}
