package mtc.cli;

import java.io.PrintWriter;
import mtc.train.EpochResult;
import mtc.train.TrainConfig;
import mtc.train.TrainListener;

/**
 * Prints each epoch's result line to stdout as soon as the epoch (and its evaluation) ends, and
 * warns once on stderr when the loss shows that training has diverged without (yet) overflowing.
 */
final class TrainEpochPrinter implements TrainListener {
    private final PrintWriter out;
    private final PrintWriter err;
    /** The mean cross-entropy of guessing uniformly among the model's classes: ln(classes). */
    private final double guessingLoss;
    private final float lr;
    private boolean warned;

    TrainEpochPrinter(PrintWriter out, PrintWriter err, int classes, float lr) {
        this.out = out;
        this.err = err;
        this.guessingLoss = Math.log(classes);
        this.lr = lr;
    }

    @Override
    public void epochFinished(EpochResult result, int epochs) {
        out.println(result.describe(epochs));
        out.flush();
        if (!warned && diverged(result)) {
            warned = true;
            err.println("mtc: warning: the training loss " + EpochResult.loss(result.trainLoss()) + " is far above "
                    + EpochResult.loss(guessingLoss) + ", the loss of guessing at random: training diverged; the "
                    + "learning rate " + TrainConfig.decimal(lr) + " is likely too high (try --lr "
                    + TrainConfig.decimal(lr / 10) + ")");
            err.flush();
        }
    }

    /**
     * Twice the loss of guessing, over a whole epoch: a model that learns, however slowly, stays
     * below it; steps too large for the loss surface throw it far above.
     */
    private boolean diverged(EpochResult result) {
        return result.trainLoss() > 2 * guessingLoss;
    }
}
