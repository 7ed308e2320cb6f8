package mtc.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mtc.io.WeightsException;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;

/**
 * The training state that {@code mtc train --save} keeps beside the weights, in the safetensors
 * header's {@code __metadata__} string map (which PyTorch ignores): the settings of the run (optimizer
 * and schedule included; the optimizer's tensors are in {@link OptimizerStateFile}), the
 * {@link TrainPosition} to continue from, and the metrics rows of the epochs done, so that
 * {@code --resume} gives the same weights and metrics as a run that never stopped.
 *
 * @param trainSamples the number of training samples the run uses (after {@code --limit})
 * @param metricsRows  the {@link MetricsCsv} rows of the finished epochs
 */
public record Checkpoint(String model, long seed, TrainConfig config, int trainSamples, TrainPosition position,
                         List<String> metricsRows) {
    /** Raised whenever the layout of the keys below changes meaning. */
    static final String VERSION = "1";
    private static final String PREFIX = "mtc.";

    public Checkpoint {
        if (position.samplesDone() > trainSamples) {
            throw new IllegalArgumentException(position.samplesDone() + " samples done of " + trainSamples);
        }
        metricsRows = List.copyOf(metricsRows);
    }

    /** The header metadata, every value a string as the safetensors format requires. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "checkpoint", VERSION);
        put(m, "model", model);
        put(m, "optimizer", config.optimizer().text());
        put(m, "schedule", config.schedule().text());
        put(m, "seed", seed);
        put(m, "epochs", config.epochs());
        put(m, "batch", config.batch());
        put(m, "lr", Float.toString(config.lr()));
        put(m, "limit", config.limit());
        put(m, "shuffle", config.shuffle());
        put(m, "train_samples", trainSamples);
        put(m, "epoch", position.epoch());
        put(m, "epoch_rng", position.epochRng());
        put(m, "rng", position.rng());
        put(m, "epoch_samples_done", position.samplesDone());
        put(m, "epoch_loss_sum", Double.toString(position.lossSum()));
        put(m, "epoch_correct", position.correct());
        put(m, "epoch_samples", position.samples());
        put(m, "metrics", String.join("\n", metricsRows));
        return m;
    }

    /** Whether {@code metadata} holds mtc training state at all. */
    public static boolean present(Map<String, String> metadata) {
        return metadata.containsKey(PREFIX + "checkpoint");
    }

    /** Reads the state back; {@code file} names the file in messages. */
    public static Checkpoint fromMetadata(String file, Map<String, String> metadata) throws WeightsException {
        Fields f = new Fields(file, metadata);
        if (!VERSION.equals(f.text("checkpoint"))) {
            throw new WeightsException(file + ": training state of checkpoint version " + f.text("checkpoint")
                    + "; this mtc reads version " + VERSION);
        }
        try {
            String schedule = metadata.getOrDefault(PREFIX + "schedule", ScheduleSpec.CONSTANT.text());
            TrainConfig config = new TrainConfig(f.integer("epochs"), f.integer("batch"), f.real("lr"),
                    f.integer("limit"), f.bool("shuffle"), OptimizerSpec.parse(f.text("optimizer")),
                    ScheduleSpec.parse(schedule));
            TrainPosition position = new TrainPosition(f.integer("epoch"), f.number("epoch_rng"), f.number("rng"),
                    f.integer("epoch_samples_done"), Double.parseDouble(f.text("epoch_loss_sum")),
                    f.number("epoch_correct"), f.number("epoch_samples"));
            String rows = f.text("metrics");
            return new Checkpoint(f.text("model"), f.number("seed"), config, f.integer("train_samples"), position,
                    rows.isEmpty() ? List.of() : Arrays.asList(rows.split("\n")));
        } catch (IllegalArgumentException e) {
            throw new WeightsException(file + ": invalid training state in the header: " + e.getMessage());
        }
    }

    private static void put(Map<String, String> m, String key, Object value) {
        m.put(PREFIX + key, String.valueOf(value));
    }

    /** Typed access to the metadata, naming the file and key when one is missing or malformed. */
    private record Fields(String file, Map<String, String> metadata) {
        String text(String key) throws WeightsException {
            String value = metadata.get(PREFIX + key);
            if (value == null) throw new WeightsException(file + ": training state lacks \"" + PREFIX + key + "\"");
            return value;
        }

        long number(String key) throws WeightsException {
            return Long.parseLong(text(key));
        }

        int integer(String key) throws WeightsException {
            return Integer.parseInt(text(key));
        }

        float real(String key) throws WeightsException {
            return Float.parseFloat(text(key));
        }

        boolean bool(String key) throws WeightsException {
            String v = text(key);
            if (!v.equals("true") && !v.equals("false")) throw new IllegalArgumentException(key + " = " + v);
            return Boolean.parseBoolean(v);
        }
    }
}
