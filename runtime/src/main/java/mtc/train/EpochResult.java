package mtc.train;

import java.util.Locale;

/**
 * What one epoch achieved: the running training loss and accuracy (training mode, as the batches
 * went by), the test-set loss and accuracy after it, and the training speed. {@code seconds} and
 * {@code samplesPerSecond} time the training steps only, not the evaluation.
 */
public record EpochResult(int epoch, double trainLoss, double trainAcc, double testLoss, double testAcc,
                          double seconds, double samplesPerSecond) {
    /** The line printed after each epoch, e.g. {@code epoch  3/10  train loss 0.1234 acc 96.20%  ...}. */
    public String describe(int epochs) {
        int width = String.valueOf(epochs).length();
        return String.format(Locale.ROOT, "epoch %" + width + "d/%d  train loss %s acc %6.2f%%  "
                        + "test loss %s acc %6.2f%%  %6.2f s  %7.0f samples/s", epoch, epochs, loss(trainLoss),
                100 * trainAcc, loss(testLoss), 100 * testAcc, seconds, samplesPerSecond);
    }

    /**
     * A loss in six characters or so: {@code 0.1234} as usual, but {@code 4.60e+26} for one that
     * exploded, which {@code %.4f} would print as a 32-character number.
     */
    public static String loss(double value) {
        return String.format(Locale.ROOT, Math.abs(value) < 1e4 ? "%.4f" : "%.2e", value);
    }
}
