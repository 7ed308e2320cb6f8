package mtc.kernels;

import mtc.runtime.StepStats;

/**
 * Softmax with mean-reduced cross-entropy over {@code [n, classes]} logits, as PyTorch's
 * {@code nn.CrossEntropyLoss}. Numerically stable: each row is shifted by its maximum before
 * exponentiation. A prediction is correct when the first maximal logit is at the label.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** Training forward: writes softmax probabilities and adds summed loss and correct count to {@code stats}. */
    public static void train(float[] logits, int[] labels, float[] probs, int n, int classes, StepStats stats) {
        evaluate(logits, labels, probs, n, classes, stats);
    }

    /**
     * Training forward with its gradient (the compiler's {@code fused_softmax_cross_entropy}): the
     * probabilities are turned into {@code dlogits} in place, the same numbers as {@link #train}
     * then {@link #backward}, without a probabilities buffer.
     */
    public static void trainWithGradient(float[] logits, int[] labels, float[] dlogits, int n, int classes,
                                         StepStats stats) {
        evaluate(logits, labels, dlogits, n, classes, stats);
        backward(dlogits, labels, dlogits, n, classes);
    }

    /**
     * Evaluation forward: {@code probs} and {@code labels} may each be null (then no probabilities, or no
     * loss); {@code stats} may be null when {@code labels} is.
     */
    public static void evaluate(float[] logits, int[] labels, float[] probs, int n, int classes, StepStats stats) {
        double loss = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            int best = argmax(logits, row, classes);
            float max = logits[row + best];
            double sum = expSum(logits, row, classes, max, probs);
            if (labels != null) {
                int label = checkLabel(labels[i], classes);
                loss += max + Math.log(sum) - logits[row + label];
                if (best == label) correct++;
            }
        }
        if (labels != null) {
            stats.lossSum += loss;
            stats.correct += correct;
        }
    }

    /**
     * {@code Σ exp(x - max)} over one row; when {@code probs} is given, also the row's softmax there
     * (each exponential computed once: it is most of this kernel's time).
     */
    private static double expSum(float[] logits, int row, int classes, float max, float[] probs) {
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            double e = Math.exp(logits[row + j] - max);
            sum += e;
            if (probs != null) probs[row + j] = (float) e;
        }
        if (probs != null) {
            for (int j = 0; j < classes; j++) probs[row + j] = (float) (probs[row + j] / sum);
        }
        return sum;
    }

    /** {@code dlogits = (probs - onehot(label)) / n}: the gradient of the mean loss. */
    public static void backward(float[] probs, int[] labels, float[] dlogits, int n, int classes) {
        float inv = 1f / n;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            for (int j = 0; j < classes; j++) dlogits[row + j] = probs[row + j] * inv;
            dlogits[row + labels[i]] -= inv;
        }
    }

    private static int argmax(float[] a, int from, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (a[from + j] > a[from + best]) best = j;
        }
        return best;
    }

    private static int checkLabel(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is not a class in [0, " + classes + ")");
        }
        return label;
    }
}
