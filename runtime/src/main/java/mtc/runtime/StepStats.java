package mtc.runtime;

/** Accumulates loss and accuracy over the batches of an epoch or an evaluation. */
public final class StepStats {
    public double lossSum;
    public long correct;
    public long samples;

    public void reset() {
        lossSum = 0;
        correct = 0;
        samples = 0;
    }

    public double meanLoss() { return samples == 0 ? Double.NaN : lossSum / samples; }

    public double accuracy() { return samples == 0 ? Double.NaN : (double) correct / samples; }
}
