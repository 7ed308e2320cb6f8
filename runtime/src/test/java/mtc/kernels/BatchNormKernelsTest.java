package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PyTorch's BatchNorm semantics, on numbers small enough to work out by hand. */
class BatchNormKernelsTest {
    /** Two features over a batch of four: feature 0 is {1,2,3,4} (mean 2.5, biased var 1.25, unbiased 5/3). */
    private static final float[] X = {1, 10, 2, 20, 3, 30, 4, 40};
    private static final float[] GAMMA = {2, 1};
    private static final float[] BETA = {0.5f, 0};

    @Test
    void trainingNormalisesWithTheBiasedBatchVariance() {
        float[] y = new float[8];
        BatchNormKernels.train(X, y, new float[8], new float[2], GAMMA, BETA, new float[2], new float[] {1, 1},
                new long[1], new double[4], 4, 2, 1, 1e-5f, 0.1f);
        double inv = 1 / Math.sqrt(1.25 + 1e-5);
        assertEquals(2 * (1 - 2.5) * inv + 0.5, y[0], 1e-5);
        assertEquals(2 * (4 - 2.5) * inv + 0.5, y[6], 1e-5);
    }

    @Test
    void trainingUpdatesRunningStatisticsWithTheUnbiasedVarianceAndCountsTheBatch() {
        float[] runMean = {1, 0};
        float[] runVar = {1, 1};
        long[] counter = {7};
        BatchNormKernels.train(X, new float[8], new float[8], new float[2], GAMMA, BETA, runMean, runVar, counter,
                new double[4], 4, 2, 1, 1e-5f, 0.1f);
        assertEquals(0.9 * 1 + 0.1 * 2.5, runMean[0], 1e-6);
        assertEquals(0.9 * 1 + 0.1 * (5.0 / 3), runVar[0], 1e-6);
        assertEquals(0.1 * 25, runMean[1], 1e-5);
        assertEquals(0.9 + 0.1 * (500.0 / 3), runVar[1], 1e-4);
        assertEquals(8, counter[0]);
    }

    @Test
    void evaluationUsesRunningStatisticsAndChangesNothing() {
        float[] runMean = {2, 10};
        float[] runVar = {4, 1};
        float[] y = new float[8];
        BatchNormKernels.eval(X, y, GAMMA, BETA, runMean, runVar, new double[4], 4, 2, 1, 1e-5f);
        assertEquals(2 * (3 - 2) / Math.sqrt(4 + 1e-5) + 0.5, y[4], 1e-6);
        assertEquals((40 - 10) / Math.sqrt(1 + 1e-5), y[7], 1e-4);
        assertArrayEquals(new float[] {2, 10}, runMean);
        assertArrayEquals(new float[] {4, 1}, runVar);
    }

    @Test
    void imagesAreNormalisedPerChannelOverBatchAndPositions() {
        // [n=2, c=2, spatial=2]: channel 0 holds {1,3} and {5,7}, channel 1 is constant.
        float[] x = {1, 3, 9, 9, 5, 7, 9, 9};
        float[] y = new float[8];
        float[] runMean = new float[2];
        BatchNormKernels.train(x, y, new float[8], new float[2], new float[] {1, 1}, new float[2], runMean,
                new float[] {1, 1}, new long[1], new double[4], 2, 2, 2, 1e-5f, 0.1f);
        assertEquals(0.1 * 4, runMean[0], 1e-6);
        assertEquals(0.1 * 9, runMean[1], 1e-6);
        assertEquals((1 - 4) / Math.sqrt(5 + 1e-5), y[0], 1e-5);
        assertEquals(0, y[2], 1e-6);
    }

    /** Wide enough for the vectorised path and its scalar tail; checked against a double reference. */
    @Test
    void manyFeaturesMatchADoubleReference() {
        int n = 6;
        int c = 37;
        float[] x = FiniteDifferences.random(n * c, 21);
        float[] gamma = FiniteDifferences.random(c, 22);
        float[] beta = FiniteDifferences.random(c, 23);
        float[] y = new float[n * c];
        float[] runMean = new float[c];
        float[] runVar = new float[c];
        BatchNormKernels.train(x, y, new float[n * c], new float[c], gamma, beta, runMean, runVar, new long[1],
                new double[2 * c], n, c, 1, 1e-5f, 0.1f);
        float[] evalY = new float[n * c];
        BatchNormKernels.eval(x, evalY, gamma, beta, runMean, runVar, new double[2 * c], n, c, 1, 1e-5f);
        for (int ch = 0; ch < c; ch++) {
            double mean = 0;
            for (int b = 0; b < n; b++) mean += x[b * c + ch] / (double) n;
            double var = 0;
            for (int b = 0; b < n; b++) var += Math.pow(x[b * c + ch] - mean, 2) / n;
            assertEquals(0.1 * mean, runMean[ch], 1e-6);
            assertEquals(0.1 * var * n / (n - 1), runVar[ch], 1e-6);
            for (int b = 0; b < n; b++) {
                double expected = (x[b * c + ch] - mean) / Math.sqrt(var + 1e-5) * gamma[ch] + beta[ch];
                assertEquals(expected, y[b * c + ch], 1e-5);
                double expectedEval = (x[b * c + ch] - runMean[ch]) / Math.sqrt(runVar[ch] + 1e-5) * gamma[ch]
                        + beta[ch];
                assertEquals(expectedEval, evalY[b * c + ch], 1e-5);
            }
        }
    }
}
