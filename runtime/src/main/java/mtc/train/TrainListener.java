package mtc.train;

import java.util.List;
import mtc.runtime.StepStats;

/**
 * Hears how training goes, so that progress display, per-epoch lines and the metrics file stay
 * out of the training loop. Calls come from the training thread, between steps.
 */
public interface TrainListener {
    /** Epoch {@code epoch} (1-based) of {@code epochs} starts; it will train on {@code samples} samples. */
    default void epochStarted(int epoch, int epochs, int samples) {}

    /** A batch finished; {@code running} holds the epoch's totals so far. */
    default void batchFinished(int samplesDone, StepStats running) {}

    /** The epoch finished, including its evaluation on the test set. */
    default void epochFinished(EpochResult result, int epochs) {}

    /** One listener that forwards every call to {@code listeners}, in order. */
    static TrainListener all(List<TrainListener> listeners) {
        List<TrainListener> copy = List.copyOf(listeners);
        return new TrainListener() {
            @Override
            public void epochStarted(int epoch, int epochs, int samples) {
                for (TrainListener l : copy) l.epochStarted(epoch, epochs, samples);
            }

            @Override
            public void batchFinished(int samplesDone, StepStats running) {
                for (TrainListener l : copy) l.batchFinished(samplesDone, running);
            }

            @Override
            public void epochFinished(EpochResult result, int epochs) {
                for (TrainListener l : copy) l.epochFinished(result, epochs);
            }
        };
    }
}
