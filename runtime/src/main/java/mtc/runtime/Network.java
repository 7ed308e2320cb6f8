package mtc.runtime;

import java.util.List;
import mtc.optim.OptimizerSpec;

/**
 * A compiled model as the runtime sees it. The compiler generates one class per model that
 * implements this interface; everything model-specific (shapes, layer order) lives in that class.
 *
 * <p>Inputs are row-major {@code float[n * spec().inputSize()]} batches; labels are class
 * indices. A network is not thread-safe: one training loop drives it.
 */
public interface Network {
    NetworkSpec spec();

    /**
     * The live data of F32 state tensor {@code i} (index into {@code spec().tensors()}), in the
     * network's storage order: see {@link TensorSpec#transposed()} and {@link StateLayout}.
     */
    float[] floats(int i);

    /** The live data of I64 state tensor {@code i}. */
    long[] longs(int i);

    /**
     * The most threads this network's kernels use, its execution context: the number of cores unless
     * set. Results are the same for any count; only the speed differs.
     */
    int threads();

    /** Sets {@link #threads()}; {@code threads} must be at least 1. */
    void setThreads(int threads);

    /** PyTorch's default initialisation of every parameter and buffer, drawing from {@code rng}. */
    void initialize(Rng rng);

    /**
     * One step of mini-batch SGD on the first {@code n} samples: forward in training mode
     * (batch statistics, dropout masks drawn from {@code rng}), mean softmax cross-entropy,
     * backward, and {@code param -= lr * grad}. Adds the summed loss, correct predictions and
     * {@code n} to {@code stats}.
     */
    void trainStep(float[] x, int[] labels, int n, float lr, Rng rng, StepStats stats);

    /**
     * Trains with {@code spec} (its learning rate aside: each step gives its own) from the next step
     * on, with fresh optimizer state. Networks without optimizer state support plain SGD only.
     */
    default void useOptimizer(OptimizerSpec spec) {
        if (!spec.plain()) throw new UnsupportedOperationException(spec.kind().text() + " on " + spec().name());
    }

    /** The optimizer in use and its live state tensors (none for plain SGD). */
    default OptimizerState optimizerState() {
        return new OptimizerState(new mtc.kernels.OptimizerStep(OptimizerSpec.sgd(Double.NaN)), List.of());
    }

    /**
     * Forward in evaluation mode (running statistics, no dropout). Writes softmax
     * probabilities to {@code probs[n * classes]} when it is not null; when {@code labels} is
     * not null, adds loss and correct predictions to {@code stats}.
     */
    void evaluate(float[] x, int[] labels, int n, float[] probs, StepStats stats);
}
