package mtc.train;

/**
 * Correct predictions and samples per class, counted by {@link Evaluator} beside the overall
 * accuracy, so that {@code mtc eval} can say which classes a model confuses.
 */
public final class ClassTally {
    private final long[] correct;
    private final long[] samples;

    public ClassTally(int classes) {
        correct = new long[classes];
        samples = new long[classes];
    }

    /** Counts {@code n} samples: their labels and the probabilities the model gave ({@code n x classes}). */
    void add(int[] labels, float[] probs, int n) {
        int classes = correct.length;
        for (int s = 0; s < n; s++) {
            int best = 0;
            for (int c = 1; c < classes; c++) if (probs[s * classes + c] > probs[s * classes + best]) best = c;
            samples[labels[s]]++;
            if (best == labels[s]) correct[labels[s]]++;
        }
    }

    public int classes() { return correct.length; }

    public long correct(int c) { return correct[c]; }

    public long samples(int c) { return samples[c]; }
}
