package mtc.kernels;

/**
 * The optimizer's update of a parameter whose gradient is stored (biases, batch-norm scales, narrow
 * weights); a wide weight's update runs inside its gradient's product ({@link Gemm#tnStep}).
 */
public final class Optimizers {
    private Optimizers() {}

    /** One step of {@code opt} on {@code param[0..size)} with {@code grad}; {@code m}, {@code v} its state (or null). */
    public static void step(float[] param, float[] grad, float[] m, float[] v, int size, OptimizerStep opt) {
        if (opt.plain()) {
            Sgd.step(param, grad, size, opt.lr());
            return;
        }
        int parts = Parallel.partsForStreamed(size);
        Parallel.ranges(size, parts, (from, to) -> opt.update(param, m, v, from, grad, from, to - from));
    }
}
