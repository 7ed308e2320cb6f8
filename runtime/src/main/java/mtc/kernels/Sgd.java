package mtc.kernels;

/** Plain SGD (PyTorch's {@code optim.SGD} without momentum or weight decay). */
public final class Sgd {
    private Sgd() {}

    /** {@code param -= lr * grad}. */
    public static void step(float[] param, float[] grad, int size, float lr) {
        for (int i = 0; i < size; i++) param[i] -= lr * grad[i];
    }
}
