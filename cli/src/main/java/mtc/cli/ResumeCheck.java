package mtc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mtc.io.SafetensorsReader;
import mtc.io.WeightsException;
import mtc.runtime.Network;
import mtc.train.Checkpoint;
import mtc.train.OptimizerStateFile;
import mtc.train.TrainConfig;

/**
 * Reads a checkpoint for {@code mtc train --resume} and makes sure that continuing from it
 * continues the same run: same model, same data size, and the same settings, except the number of
 * epochs, which may grow. Options left out are taken from the checkpoint.
 */
final class ResumeCheck {
    private ResumeCheck() {}

    /** The options given on the command line; null for each one left out. */
    record Given(Integer epochs, Integer batch, Float lr, Long seed, Integer limit, boolean noShuffle) {}

    /**
     * Loads the weights of {@code file} and the optimizer's state beside it into {@code net} and
     * returns where the run continues; {@code optimizerGiven} when optimizer or schedule options
     * were given, which a resumed run cannot change.
     */
    static TrainStart resume(Path file, Network net, Given given, int trainCount, boolean optimizerGiven)
            throws WeightsException {
        Map<String, String> metadata = SafetensorsReader.metadata(file);
        Checkpoint cp = read(file, net.spec().name(), metadata);
        SafetensorsReader.load(file, net);
        TrainConfig old = cp.config();
        List<String> changed = new ArrayList<>();
        differs(changed, "--batch", given.batch(), old.batch());
        differs(changed, "--lr", given.lr(), old.lr());
        differs(changed, "--seed", given.seed(), cp.seed());
        differs(changed, "--limit", given.limit(), old.limit());
        if (given.noShuffle() && old.shuffle()) changed.add("--no-shuffle (the run shuffled)");
        if (optimizerGiven) changed.add("--optimizer, --momentum, --weight-decay or --schedule (the run used "
                + old.optimizer().kind().text() + ", schedule " + old.schedule().text() + ")");
        if (!changed.isEmpty()) {
            throw new WeightsException(file + ": cannot resume with other settings than the run had: "
                    + String.join(", ", changed) + "; leave these options out to continue the run as it was");
        }
        int samples = Math.min(old.limit(), trainCount);
        if (samples != cp.trainSamples()) {
            throw new WeightsException(file + ": the run trained on " + cp.trainSamples() + " samples, but the data"
                    + " now gives " + samples + ": resume with the same data (and --limit)");
        }
        int epochs = given.epochs() == null ? old.epochs() : given.epochs();
        if (epochs < cp.position().epoch()) {
            throw new WeightsException(file + ": the run has finished " + cp.position().epochsDone() + " of "
                    + old.epochs() + " epochs; give --epochs more than " + cp.position().epochsDone()
                    + " to train further");
        }
        TrainConfig config = old.withEpochs(epochs);
        net.useOptimizer(config.optimizer());
        if (!config.optimizer().plain()) OptimizerStateFile.load(file, metadata, net.optimizerState());
        return new TrainStart(config, cp.seed(), cp.position(), cp.metricsRows());
    }

    private static Checkpoint read(Path file, String model, Map<String, String> metadata) throws WeightsException {
        if (!Checkpoint.present(metadata)) {
            throw new WeightsException(file + ": holds weights but no training state, so there is no run to resume;"
                    + " use --init " + file + " to start a new run from these weights");
        }
        Checkpoint cp = Checkpoint.fromMetadata(file.toString(), metadata);
        if (!cp.model().equals(model)) {
            throw new WeightsException(file + ": checkpoint of model " + cp.model() + ", not " + model);
        }
        return cp;
    }

    private static void differs(List<String> changed, String option, Object given, Object was) {
        if (given != null && !Objects.equals(given, was)) {
            changed.add(option + " " + given + " (the run used " + was + ")");
        }
    }
}
