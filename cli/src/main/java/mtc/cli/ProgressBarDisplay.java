package mtc.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressState;
import mtc.runtime.StepStats;
import mtc.train.EpochResult;
import mtc.train.TrainListener;

/**
 * A live progress bar per epoch on the terminal (stderr), with the rate, the time left and the
 * running loss and accuracy. It clears itself when the epoch ends, leaving only the epoch's result
 * line on the screen. The library redraws it and knows the terminal's width; the text is
 * {@link ProgressBarText}'s, measured by our own clock from the epoch's first batch.
 */
final class ProgressBarDisplay implements TrainListener {
    /** The terminal's width, or 0 to let the library ask the terminal (which only the JVM started on it can). */
    private final int columns;
    private ProgressBar bar;
    private volatile int epoch;
    private volatile int epochs;
    private volatile int samples;
    private volatile int done;
    private volatile int doneAtStart = -1;
    private volatile long startNanos;
    private volatile String tail = "";

    ProgressBarDisplay(int columns) {
        this.columns = columns;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int samples) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.samples = samples;
        this.done = 0;
        this.doneAtStart = -1;
        this.tail = "starting";
        ProgressBarBuilder builder = new ProgressBarBuilder().setInitialMax(samples).setUpdateIntervalMillis(200)
                .setRenderer(this::render).clearDisplayOnFinish();
        if (columns > 0) builder.setConsumer(redrawnLine(System.err, columns - 1)); // -1: no wrap at the edge
        bar = builder.build();
    }

    @Override
    public void batchFinished(int samplesDone, StepStats running) {
        if (doneAtStart < 0) {
            startNanos = System.nanoTime();
            doneAtStart = samplesDone;
        }
        done = samplesDone;
        tail = samplesDone == samples ? "evaluating on the test set" : String.format(Locale.ROOT,
                "loss %s acc %.2f%%", EpochResult.loss(running.meanLoss()), 100 * running.accuracy());
        bar.stepTo(samplesDone);
    }

    @Override
    public void epochFinished(EpochResult result, int epochs) {
        bar.close();
    }

    /**
     * The bar as one line of {@code width} redrawn on {@code err} (the library's own consumers write
     * to file descriptor 2, which is the daemon's log when the training daemon runs the command).
     * The cursor goes back to the line's start after each drawing, so that the epoch's result line,
     * printed after the bar has been cleared with blanks, starts there.
     */
    private static ProgressBarConsumer redrawnLine(PrintStream err, int width) {
        return new DelegatingProgressBarConsumer(line -> {
            err.print('\r' + line + '\r');
            err.flush();
        }, width);
    }

    private String render(ProgressState state, int width) {
        double seconds = doneAtStart < 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        return ProgressBarText.render(epoch, epochs, done, samples, Math.max(0, doneAtStart), seconds, tail, width);
    }
}
