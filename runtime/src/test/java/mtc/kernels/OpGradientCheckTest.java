package mtc.kernels;

import static mtc.kernels.FiniteDifferences.assertGradient;
import static mtc.kernels.FiniteDifferences.dot;
import static mtc.kernels.FiniteDifferences.random;

import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import org.junit.jupiter.api.Test;

/** Each op's backward kernel against finite differences of its forward kernel (see {@link FiniteDifferences}). */
class OpGradientCheckTest {
    private static final int N = 4;

    @Test
    void linear() {
        int in = 5;
        int out = 19; // two vectors of features and a scalar tail
        float[] x = random(N * in, 1);
        float[] w = random(out * in, 2);
        float[] b = random(out, 3);
        float[] r = random(N * out, 4);
        float[] dx = new float[N * in];
        float[] dw = new float[out * in];
        float[] db = new float[out];
        Gemm.nn(r, w, dx, N, in, out);
        Gemm.tn(r, x, dw, out, in, N);
        Linear.biasGrad(r, db, N, out);
        assertGradient("dx", x, dx, v -> dot(r, linear(v, w, b, in, out)));
        assertGradient("dw", w, dw, v -> dot(r, linear(x, v, b, in, out)));
        assertGradient("db", b, db, v -> dot(r, linear(x, w, v, in, out)));
    }

    private static float[] linear(float[] x, float[] w, float[] b, int in, int out) {
        float[] y = new float[N * out];
        Gemm.nt(x, w, y, N, out, in);
        Linear.biasAdd(y, b, y, N, out);
        return y;
    }

    @Test
    void relu() {
        checkActivation(Activations::relu, Activations::reluBackward, true, awayFromZero(random(N * 6, 5)), 6);
    }

    @Test
    void tanh() {
        checkActivation(Activations::tanh, Activations::tanhBackward, true, scaled(random(N * 6, 15), 3), 16);
    }

    @Test
    void sigmoid() {
        checkActivation(Activations::sigmoid, Activations::sigmoidBackward, true, scaled(random(N * 6, 17), 3), 18);
    }

    @Test
    void gelu() {
        checkActivation(Activations::gelu, Activations::geluBackward, false, scaled(random(N * 6, 19), 4), 20);
    }

    @Test
    void leakyRelu() {
        checkActivation((x, y, n, w) -> Activations.leakyRelu(x, y, n, w, 0.01f),
                (dy, x, dx, n, w) -> Activations.leakyReluBackward(dy, x, dx, n, w, 0.01f), false,
                awayFromZero(random(N * 6, 21)), 22);
    }

    private interface Forward {
        void run(float[] x, float[] y, int n, int width);
    }

    private interface Backward {
        void run(float[] dy, float[] saved, float[] dx, int n, int width);
    }

    /** An element-wise activation whose backward reads its forward output ({@code readsOutput}) or input. */
    private static void checkActivation(Forward forward, Backward backward, boolean readsOutput, float[] x, long seed) {
        float[] r = random(x.length, seed);
        float[] dx = new float[x.length];
        backward.run(r, readsOutput ? apply(forward, x) : x, dx, N, x.length / N);
        assertGradient("dx", x, dx, v -> dot(r, apply(forward, v)));
    }

    private static float[] apply(Forward forward, float[] x) {
        float[] y = new float[x.length];
        forward.run(x, y, N, x.length / N);
        return y;
    }

    /** Moves values at least 0.05 away from 0, so that no kink lies within h of them. */
    private static float[] awayFromZero(float[] x) {
        for (int i = 0; i < x.length; i++) x[i] += Math.copySign(0.05f, x[i]);
        return x;
    }

    private static float[] scaled(float[] x, float s) {
        for (int i = 0; i < x.length; i++) x[i] *= s;
        return x;
    }

    @Test
    void dropoutWithAFixedMask() {
        float[] x = random(N * 6, 7);
        float[] r = random(N * 6, 8);
        float[] y = new float[x.length];
        float[] mask = new float[x.length];
        float[] dx = new float[x.length];
        Dropout.forward(x, y, mask, N, 6, 0.3f, new Rng(9));
        Dropout.backward(r, mask, dx, N, 6);
        assertGradient("dropout dx", x, dx, v -> {
            float[] out = new float[v.length];
            Dropout.forward(v, out, new float[v.length], N, 6, 0.3f, new Rng(9));
            return dot(r, out);
        });
    }

    @Test
    void batchNormOverFeatures() {
        checkBatchNorm(19, 1); // more than two vectors of channels and a scalar tail
    }

    @Test
    void batchNormOverChannelsOfImages() {
        checkBatchNorm(2, 3);
    }

    private static void checkBatchNorm(int c, int spatial) {
        int size = N * c * spatial;
        float[] x = random(size, 10);
        float[] gamma = random(c, 11);
        float[] beta = random(c, 12);
        float[] r = random(size, 13);
        float[] xhat = new float[size];
        float[] invStd = new float[c];
        float[] dx = new float[size];
        float[] dgamma = new float[c];
        float[] dbeta = new float[c];
        BatchNormKernels.train(x, new float[size], xhat, invStd, gamma, beta, new float[c], new float[c],
                new long[1], new double[2 * c], N, c, spatial, 1e-5f, 0.1f);
        BatchNormKernels.backward(r, xhat, gamma, invStd, dx, dgamma, dbeta, new double[2 * c], N, c, spatial);
        assertGradient("bn dx", x, dx, v -> dot(r, batchNorm(v, gamma, beta, c, spatial)));
        assertGradient("bn dgamma", gamma, dgamma, v -> dot(r, batchNorm(x, v, beta, c, spatial)));
        assertGradient("bn dbeta", beta, dbeta, v -> dot(r, batchNorm(x, gamma, v, c, spatial)));
    }

    private static float[] batchNorm(float[] x, float[] gamma, float[] beta, int c, int spatial) {
        float[] y = new float[x.length];
        BatchNormKernels.train(x, y, new float[x.length], new float[c], gamma, beta, new float[c], new float[c],
                new long[1], new double[2 * c], N, c, spatial, 1e-5f, 0.1f);
        return y;
    }

    @Test
    void softmaxCrossEntropy() {
        int classes = 4;
        float[] logits = random(N * classes, 14);
        int[] labels = {0, 3, 1, 3};
        float[] probs = new float[logits.length];
        float[] dlogits = new float[logits.length];
        SoftmaxCrossEntropy.train(logits, labels, probs, N, classes, new StepStats());
        SoftmaxCrossEntropy.backward(probs, labels, dlogits, N, classes);
        assertGradient("ce dlogits", logits, dlogits, v -> {
            StepStats stats = new StepStats();
            SoftmaxCrossEntropy.train(v, labels, new float[v.length], N, classes, stats);
            return stats.lossSum / N;
        });
    }
}
