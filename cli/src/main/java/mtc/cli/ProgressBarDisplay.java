package mtc.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
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
    private ProgressBar bar;
    private volatile int epoch;
    private volatile int epochs;
    private volatile int samples;
    private volatile int done;
    private volatile int doneAtStart = -1;
    private volatile long startNanos;
    private volatile String tail = "";

    @Override
    public void epochStarted(int epoch, int epochs, int samples) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.samples = samples;
        this.done = 0;
        this.doneAtStart = -1;
        this.tail = "starting";
        bar = new ProgressBarBuilder().setInitialMax(samples).setUpdateIntervalMillis(200)
                .setRenderer(this::render).clearDisplayOnFinish().build();
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

    private String render(ProgressState state, int width) {
        double seconds = doneAtStart < 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        return ProgressBarText.render(epoch, epochs, done, samples, Math.max(0, doneAtStart), seconds, tail, width);
    }
}
