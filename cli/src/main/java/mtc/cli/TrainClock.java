package mtc.cli;

import java.util.Locale;

/**
 * Where the wall time of one {@code mtc train} command went, phase by phase, for its last line:
 * start-up (from the process's start, the launcher script included, until the model is compiled),
 * data (until both sets are read), warm-up (what the JIT warm-up added after that), training (the
 * steps) and evaluation (the rest of the run: test-set evaluations, checkpoints, printing).
 */
final class TrainClock {
    /** The command's start (the launcher's, which starts the JVM or the daemon's client). */
    private final long startedAtNanos;
    private long loaded;
    private long dataRead;
    private long warmedUp;
    private long trainingNanos;

    /** A clock of a command that started at {@code startedAtNanos} ({@link System#nanoTime()}). */
    TrainClock(long startedAtNanos) {
        this.startedAtNanos = startedAtNanos;
        loaded = dataRead = warmedUp = System.nanoTime();
    }

    void modelLoaded() {
        loaded = dataRead = warmedUp = System.nanoTime();
    }

    void dataRead() {
        dataRead = warmedUp = System.nanoTime();
    }

    void warmedUp() {
        warmedUp = System.nanoTime();
    }

    /** Adds the training steps' time ({@code seconds}), which the trainer measures. */
    void trained(double seconds) {
        trainingNanos += (long) (seconds * 1e9);
    }

    /** E.g. {@code wall 4.61 s: start-up 0.32, data 0.15, warm-up 0.50, training 3.41, evaluation 0.23}. */
    String describe() {
        long end = System.nanoTime();
        long rest = Math.max(0, end - warmedUp - trainingNanos);
        return String.format(Locale.ROOT, "wall %.2f s: start-up %.2f, data %.2f, warm-up %.2f, training %.2f, "
                        + "evaluation %.2f", seconds(end - startedAtNanos), seconds(loaded - startedAtNanos),
                seconds(dataRead - loaded), seconds(warmedUp - dataRead), seconds(trainingNanos), seconds(rest));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
