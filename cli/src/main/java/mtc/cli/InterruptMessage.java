package mtc.cli;

import java.nio.file.Path;
import mtc.train.TrainConfig;
import mtc.train.TrainPosition;

/** The one line {@code mtc train} prints when Ctrl-C stops it: where it stopped, what it saved, how to go on. */
final class InterruptMessage {
    private InterruptMessage() {}

    static String describe(TrainPosition at, TrainConfig config, Path model, String data, Path saved) {
        String where = at.midEpoch() ? "in epoch " + at.epoch() + "/" + config.epochs() + " after " + at.samplesDone()
                + " samples" : "after epoch " + at.epochsDone() + "/" + config.epochs();
        if (saved == null) return "mtc: interrupted " + where + "; nothing saved (--save W keeps checkpoints)";
        return "mtc: interrupted " + where + "; checkpoint saved to " + saved + "; continue with: mtc train " + model
                + (data == null ? "" : " --data " + data) + " --resume " + saved;
    }
}
