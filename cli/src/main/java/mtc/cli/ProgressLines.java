package mtc.cli;

import java.io.PrintWriter;
import java.util.Locale;
import mtc.runtime.StepStats;
import mtc.train.EpochResult;
import mtc.train.TrainListener;

/**
 * Progress as plain lines, for output that is not a terminal: silent while epochs are quick (the
 * epoch lines say enough), one line per {@code intervalNanos} inside a slow epoch, so a log
 * always shows that training is alive without filling up.
 */
final class ProgressLines implements TrainListener {
    private final PrintWriter err;
    private final long intervalNanos;
    private int epoch;
    private int epochs;
    private int samples;
    private long lastLine;

    ProgressLines(PrintWriter err, long intervalNanos) {
        this.err = err;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int samples) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.samples = samples;
        this.lastLine = System.nanoTime();
    }

    @Override
    public void batchFinished(int samplesDone, StepStats running) {
        long now = System.nanoTime();
        if (now - lastLine < intervalNanos || samplesDone == samples) return;
        lastLine = now;
        err.println(String.format(Locale.ROOT, "  epoch %d/%d: %d/%d samples (%.0f%%), loss %s acc %.2f%%", epoch,
                epochs, samplesDone, samples, 100.0 * samplesDone / samples, EpochResult.loss(running.meanLoss()),
                100 * running.accuracy()));
        err.flush();
    }
}
