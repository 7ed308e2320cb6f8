package mtc.parity;

import java.nio.file.Path;
import java.util.List;
import mtc.io.SafetensorsReader;
import mtc.io.WeightsException;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.NetworkSpec;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.TensorSpec;

/**
 * Named tensors read from a fixture file. It is a {@link Network} that only holds state, so that
 * the fixtures go through the project's own safetensors reader, with all its checks (exact names,
 * dtypes and shapes, nothing missing, nothing extra), even for files that belong to no model.
 */
final class FixtureTensors implements Network {
    private final NetworkSpec spec;
    private final float[][] floats;
    private final long[][] longs;

    private FixtureTensors(List<TensorSpec> tensors) {
        this.spec = new NetworkSpec("fixture", List.of(), 0, tensors, Double.NaN);
        this.floats = new float[tensors.size()][];
        this.longs = new long[tensors.size()][];
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec t = tensors.get(i);
            if (t.dtype() == DType.F32) floats[i] = new float[Math.toIntExact(t.numel())];
            else longs[i] = new long[Math.toIntExact(t.numel())];
        }
    }

    /** Reads {@code file}, which must hold exactly {@code tensors}. */
    static FixtureTensors load(Path file, List<TensorSpec> tensors) throws WeightsException {
        FixtureTensors out = new FixtureTensors(tensors);
        SafetensorsReader.load(file, out);
        return out;
    }

    float[] floats(String name) { return floats(index(name)); }

    long[] longs(String name) { return longs(index(name)); }

    private int index(String name) {
        List<TensorSpec> tensors = spec.tensors();
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException("no fixture tensor " + name);
    }

    @Override public NetworkSpec spec() { return spec; }

    @Override public float[] floats(int i) { return floats[i]; }

    @Override public long[] longs(int i) { return longs[i]; }

    private int threads = mtc.runtime.Threads.cores();

    @Override public int threads() { return threads; }

    @Override public void setThreads(int threads) { this.threads = mtc.runtime.Threads.checked(threads); }

    @Override public void initialize(Rng rng) { throw dataOnly(); }

    @Override public void trainStep(float[] x, int[] labels, int n, float lr, Rng rng, StepStats stats) {
        throw dataOnly();
    }

    @Override public void evaluate(float[] x, int[] labels, int n, float[] probs, StepStats stats) {
        throw dataOnly();
    }

    private static UnsupportedOperationException dataOnly() {
        return new UnsupportedOperationException("fixture tensors hold data, they do not compute");
    }
}
