package mtc.cli;

import java.text.DecimalFormat;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import mtc.runtime.StepStats;
import mtc.train.EpochResult;
import mtc.train.TrainListener;

/**
 * A live progress bar per epoch on the terminal (stderr), with the running loss and accuracy.
 * It clears itself when the epoch ends, leaving only the epoch's result line on the screen.
 */
final class ProgressBarDisplay implements TrainListener {
    private ProgressBar bar;
    private int samples;

    @Override
    public void epochStarted(int epoch, int epochs, int samples) {
        this.samples = samples;
        bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(samples)
                .setUnit(" samples", 1).setUpdateIntervalMillis(200).showSpeed(new DecimalFormat("#"))
                .clearDisplayOnFinish().build();
    }

    @Override
    public void batchFinished(int samplesDone, StepStats running) {
        bar.stepTo(samplesDone);
        bar.setExtraMessage(samplesDone == samples ? " evaluating on the test set"
                : String.format(Locale.ROOT, " loss %.4f acc %.2f%%", running.meanLoss(), 100 * running.accuracy()));
    }

    @Override
    public void epochFinished(EpochResult result, int epochs) {
        bar.close();
    }
}
