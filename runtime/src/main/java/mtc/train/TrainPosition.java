package mtc.train;

import mtc.runtime.StepStats;

/**
 * Where a training run stands, exactly enough to continue it with the same numbers as if it had
 * never stopped: the epoch in progress, the random state at that epoch's start (which replays
 * its shuffle), the random state now (for the dropout masks still to come), how many of the
 * epoch's samples are done, and the epoch's running loss and accuracy so far.
 *
 * @param epoch       the epoch to run or in progress, 1-based
 * @param epochRng    the {@code Rng} state when that epoch started
 * @param rng         the {@code Rng} state now
 * @param samplesDone samples of this epoch already trained on (0 at an epoch's start)
 */
public record TrainPosition(int epoch, long epochRng, long rng, int samplesDone, double lossSum, long correct,
                            long samples) {
    public TrainPosition {
        if (epoch < 1 || samplesDone < 0) {
            throw new IllegalArgumentException("epoch " + epoch + " with " + samplesDone + " samples done");
        }
    }

    /** The start of {@code epoch}, with the random state {@code rng}. */
    public static TrainPosition startOf(int epoch, long rng) {
        return new TrainPosition(epoch, rng, rng, 0, 0, 0, 0);
    }

    /** Epochs finished before this position. */
    public int epochsDone() { return epoch - 1; }

    /** Whether this position is inside an epoch rather than at its start. */
    public boolean midEpoch() { return samplesDone > 0; }

    /** The running totals of the epoch so far. */
    StepStats stats() {
        StepStats s = new StepStats();
        s.lossSum = lossSum;
        s.correct = correct;
        s.samples = samples;
        return s;
    }
}
