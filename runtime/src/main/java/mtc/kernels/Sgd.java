package mtc.kernels;

/** Plain SGD (PyTorch's {@code optim.SGD} without momentum or weight decay). */
public final class Sgd {
    /** Elements below which a second thread does not pay: the update is a few memory passes. */
    private static final int PARALLEL_ELEMENTS = 1 << 15;

    private Sgd() {}

    /** {@code param -= lr * grad}; large tensors are split between the threads. */
    public static void step(float[] param, float[] grad, int size, float lr) {
        int parts = Parallel.partsFor(size, PARALLEL_ELEMENTS);
        Parallel.ranges(size, parts, (from, to) -> step(param, grad, from, to, lr));
    }

    private static void step(float[] param, float[] grad, int from, int to, float lr) {
        for (int i = from; i < to; i++) param[i] -= lr * grad[i];
    }
}
