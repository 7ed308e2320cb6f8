package mtc.cli;

import java.io.PrintWriter;
import mtc.train.EpochResult;
import mtc.train.TrainListener;

/** Prints each epoch's result line to stdout as soon as the epoch (and its evaluation) ends. */
final class TrainEpochPrinter implements TrainListener {
    private final PrintWriter out;

    TrainEpochPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void epochFinished(EpochResult result, int epochs) {
        out.println(result.describe(epochs));
        out.flush();
    }
}
