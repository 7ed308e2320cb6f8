package mtc.runtime;

/**
 * Converts state tensors between the network's storage and the state dict's row-major order
 * (what safetensors files and PyTorch hold). Only tensors {@link TensorSpec#transposed() stored
 * transposed} differ; the others are copied as they are.
 */
public final class StateLayout {
    private StateLayout() {}

    /** The whole of tensor {@code t}, held in {@code stored}, in state-dict order (a new array). */
    public static float[] toStateDict(TensorSpec t, float[] stored) {
        float[] out = new float[Math.toIntExact(t.numel())];
        gather(t, stored, 0, out, out.length);
        return out;
    }

    /** {@code out[0..n)} = state-dict elements {@code [from, from+n)} of tensor {@code t}, held in {@code stored}. */
    public static void gather(TensorSpec t, float[] stored, int from, float[] out, int n) {
        if (!t.transposed()) {
            System.arraycopy(stored, from, out, 0, n);
            return;
        }
        int rows = t.shape().get(0), cols = t.shape().get(1);
        int r = from / cols, c = from % cols;
        for (int e = 0; e < n; e++) {
            out[e] = stored[c * rows + r];
            if (++c == cols) { c = 0; r++; }
        }
    }

    /** Writes {@code values[0..n)}, state-dict elements {@code [from, from+n)} of {@code t}, into {@code stored}. */
    public static void scatter(TensorSpec t, float[] values, int n, float[] stored, int from) {
        if (!t.transposed()) {
            System.arraycopy(values, 0, stored, from, n);
            return;
        }
        int rows = t.shape().get(0), cols = t.shape().get(1);
        int r = from / cols, c = from % cols;
        for (int e = 0; e < n; e++) {
            stored[c * rows + r] = values[e];
            if (++c == cols) { c = 0; r++; }
        }
    }
}
