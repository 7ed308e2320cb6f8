package mtc.kernels;

/** Plain SGD (PyTorch's {@code optim.SGD} without momentum or weight decay). */
public final class Sgd {
    private Sgd() {}

    /** {@code param -= lr * grad}; large tensors are split between the threads. */
    public static void step(float[] param, float[] grad, int size, float lr) {
        int parts = Parallel.partsForStreamed(size);
        Parallel.ranges(size, parts, (from, to) -> step(param, grad, from, to, lr));
    }

    private static void step(float[] param, float[] grad, int from, int to, float lr) {
        for (int i = from; i < to; i++) param[i] -= lr * grad[i];
    }
}
