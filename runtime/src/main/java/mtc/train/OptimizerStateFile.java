package mtc.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mtc.io.SafetensorsReader;
import mtc.io.SafetensorsWriter;
import mtc.io.WeightsException;
import mtc.runtime.Network;
import mtc.runtime.NetworkSpec;
import mtc.runtime.OptimizerState;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.TensorSpec;

/**
 * The optimizer's state beside a checkpoint's weights, in a safetensors file of its own so that
 * the weights file stays exactly PyTorch's state dict: tensors named after their parameter and
 * PyTorch's key ({@code 0.weight.momentum_buffer}, {@code 0.weight.exp_avg}, ...), laid out as the
 * state dict lays out the parameter, and the step count in the header.
 *
 * <p>Two files take turns, {@code W.optimizer-1.safetensors} and {@code W.optimizer-2.safetensors}:
 * a save writes the one the weights file does not name, then the weights file, which names it
 * and carries the same random id. Each write is atomic, so whenever a process dies the weights
 * file names a state file written with it, whole; an id that differs all the same (files copied
 * by hand) makes the resume refuse the pair.
 */
public final class OptimizerStateFile {
    /** Metadata keys, in the weights file and in the state file. */
    public static final String FILE_KEY = "mtc.optimizer_state";
    public static final String ID_KEY = "mtc.optimizer_state_id";
    private static final String STEPS_KEY = "mtc.optimizer_steps";

    private OptimizerStateFile() {}

    /** The state file that the next save beside {@code weights} writes: the one {@code current} (a name, or null) is not. */
    public static Path next(Path weights, String current) {
        String base = weights.getFileName().toString().replaceFirst("\\.safetensors$", "");
        String one = base + ".optimizer-1.safetensors", two = base + ".optimizer-2.safetensors";
        return weights.resolveSibling(one.equals(current) ? two : one);
    }

    /** Writes {@code state} to {@code file}; returns the weights-file metadata that names it. */
    public static Map<String, String> save(Path file, OptimizerState state) throws IOException {
        String id = UUID.randomUUID().toString();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ID_KEY, id);
        metadata.put(STEPS_KEY, Long.toString(state.step().steps()));
        SafetensorsWriter.save(file, new Tensors(state), metadata);
        Map<String, String> pointer = new LinkedHashMap<>();
        pointer.put(FILE_KEY, file.getFileName().toString());
        pointer.put(ID_KEY, id);
        return pointer;
    }

    /**
     * Loads into {@code state} the state file that {@code weightsMetadata} (of {@code weights})
     * names, refusing one whose id differs.
     */
    public static void load(Path weights, Map<String, String> weightsMetadata, OptimizerState state)
            throws WeightsException {
        String name = weightsMetadata.get(FILE_KEY);
        if (name == null) {
            throw new WeightsException(weights + ": holds no optimizer state to resume "
                    + state.step().spec().kind().text() + " from");
        }
        Path file = weights.resolveSibling(name);
        Map<String, String> own = SafetensorsReader.metadata(file);
        if (!weightsMetadata.get(ID_KEY).equals(own.get(ID_KEY))) {
            throw new WeightsException(file + ": optimizer state of another checkpoint than " + weights
                    + " (the two were not saved together); resume from a pair that mtc saved together");
        }
        SafetensorsReader.load(file, new Tensors(state));
        try {
            state.step().setSteps(Long.parseLong(own.get(STEPS_KEY)));
        } catch (NumberFormatException e) {
            throw new WeightsException(file + ": invalid " + STEPS_KEY + " in the header");
        }
    }

    /** The state tensors seen as a network's state dict, which is what the safetensors reader and writer work on. */
    private static final class Tensors implements Network {
        private final OptimizerState state;
        private final NetworkSpec spec;

        Tensors(OptimizerState state) {
            this.state = state;
            List<TensorSpec> specs = state.tensors().stream().map(OptimizerState.Tensor::spec).toList();
            spec = new NetworkSpec("optimizer state", List.of(), 0, specs, Double.NaN);
        }

        public NetworkSpec spec() { return spec; }
        public float[] floats(int i) { return state.tensors().get(i).stored(); }
        public long[] longs(int i) { throw new IllegalArgumentException("no I64 optimizer state"); }
        public void initialize(Rng rng) { throw new UnsupportedOperationException(); }
        public int threads() { return 1; }
        public void setThreads(int threads) { throw new UnsupportedOperationException(); }
        public void trainStep(float[] x, int[] labels, int n, float lr, Rng rng, StepStats stats) {
            throw new UnsupportedOperationException();
        }
        public void evaluate(float[] x, int[] labels, int n, float[] probs, StepStats stats) {
            throw new UnsupportedOperationException();
        }
    }
}
