package mtc.kernels;

/** Element-wise activations over the first {@code n * width} elements, forward and backward side by side. */
public final class Activations {
    private Activations() {}

    /** {@code y = max(x, 0)}. */
    public static void relu(float[] x, float[] y, int n, int width) {
        int size = n * width;
        for (int i = 0; i < size; i++) y[i] = Math.max(x[i], 0f);
    }

    /** {@code dx = y > 0 ? dy : 0}, reading the forward output (the gradient at 0 is 0, as in PyTorch). */
    public static void reluBackward(float[] dy, float[] y, float[] dx, int n, int width) {
        int size = n * width;
        for (int i = 0; i < size; i++) dx[i] = y[i] > 0f ? dy[i] : 0f;
    }
}
