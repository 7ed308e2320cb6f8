package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mtc.runtime.StepStats;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {
    @Test
    void lossIsTheSummedNegativeLogLikelihood() {
        float[] logits = {0, 0, 0, 1, 2, 3};
        StepStats stats = new StepStats();
        float[] probs = new float[6];
        SoftmaxCrossEntropy.train(logits, new int[] {1, 2}, probs, 2, 3, stats);
        double second = -Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
        assertEquals(Math.log(3) + second, stats.lossSum, 1e-6);
        assertEquals(1, stats.correct); // the tied first row predicts class 0, the first maximum
        assertEquals(1 / 3.0, probs[0], 1e-7);
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        StepStats stats = new StepStats();
        float[] probs = new float[2];
        SoftmaxCrossEntropy.evaluate(new float[] {1000, 0}, new int[] {1}, probs, 1, 2, stats);
        assertEquals(1000, stats.lossSum, 1e-3);
        assertEquals(1, probs[0], 0);
    }

    @Test
    void evaluationWithoutLabelsOnlyGivesProbabilities() {
        float[] probs = new float[2];
        SoftmaxCrossEntropy.evaluate(new float[] {0, (float) Math.log(3)}, null, probs, 1, 2, null);
        assertEquals(0.25, probs[0], 1e-7);
        assertEquals(0.75, probs[1], 1e-7);
    }

    @Test
    void gradientIsSoftmaxMinusOneHotOverBatch() {
        float[] grad = new float[4];
        SoftmaxCrossEntropy.backward(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, new int[] {1, 0}, grad, 2, 2);
        assertEquals(0.125f, grad[0]);
        assertEquals(-0.125f, grad[1]);
        assertEquals(-0.25f, grad[2]);
    }
}
