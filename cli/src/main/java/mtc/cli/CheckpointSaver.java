package mtc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mtc.io.SafetensorsReader;
import mtc.io.WeightsException;
import mtc.io.SafetensorsWriter;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.train.Checkpoint;
import mtc.train.EpochResult;
import mtc.train.MetricsCsv;
import mtc.train.OptimizerStateFile;
import mtc.train.TrainListener;
import mtc.train.TrainPosition;

/**
 * Saves {@code --save} after every epoch (and when training is stopped), weights and training
 * state together, atomically: whenever the process dies, the file holds the last finished epoch
 * or stop, whole, and {@code --resume} continues from it. The optimizer's state goes to a file
 * beside it ({@link OptimizerStateFile}), written first, which the weights file names.
 */
final class CheckpointSaver implements TrainListener {
    private final Path file;
    private final Network net;
    private final Rng rng;
    private final TrainStart start;
    private final int trainSamples;
    private final List<String> rows;
    private final Map<String, String> dataMetadata;
    private final RunFiles files;

    /**
     * {@code dataMetadata} is saved beside the training state: what the data was (class names, input
     * style); {@code files} are the run's other outputs, which a resume goes on writing.
     */
    CheckpointSaver(Path file, Network net, Rng rng, TrainStart start, int trainSamples,
                    Map<String, String> dataMetadata, RunFiles files) {
        this.files = files;
        this.file = file;
        this.net = net;
        this.rng = rng;
        this.start = start;
        this.trainSamples = trainSamples;
        this.rows = new ArrayList<>(start.metricsRows());
        this.dataMetadata = Map.copyOf(dataMetadata);
    }

    /** After an epoch (including its evaluation, which draws no random numbers) the next one starts. */
    @Override
    public void epochFinished(EpochResult result, int epochs) {
        rows.add(MetricsCsv.row(result));
        save(TrainPosition.startOf(result.epoch() + 1, rng.state()));
    }

    /**
     * Saves the weights as they are with {@code position}: first the optimizer's state (to the file
     * of the pair that the weights file on disk does not name), then the weights naming it.
     */
    void save(TrainPosition position) {
        Checkpoint checkpoint = new Checkpoint(net.spec().name(), start.seed(), start.config(), trainSamples,
                position, rows);
        Map<String, String> metadata = new LinkedHashMap<>(checkpoint.toMetadata());
        metadata.putAll(files.toMetadata());
        metadata.putAll(dataMetadata);
        try {
            if (!start.config().optimizer().plain()) {
                Path state = OptimizerStateFile.next(file, stateFileOnDisk());
                metadata.putAll(OptimizerStateFile.save(state, net.optimizerState()));
            }
            SafetensorsWriter.save(file, net, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot save the checkpoint: " + TrainOutputCheck.describe(e), e);
        }
    }

    /** The optimizer state file that the weights file now on disk names, if any. */
    private String stateFileOnDisk() {
        if (!Files.exists(file)) return null;
        try {
            return SafetensorsReader.metadata(file).get(OptimizerStateFile.FILE_KEY);
        } catch (WeightsException e) {
            return null; // not a checkpoint: nothing on disk names a state file
        }
    }
}
