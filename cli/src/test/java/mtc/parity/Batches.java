package mtc.parity;

import java.util.Arrays;
import java.util.List;
import mtc.runtime.DType;
import mtc.runtime.TensorSpec;

/** The three batches of 64 MNIST images both PyTorch and mtc train on, from the fixture file. */
record Batches(float[] images, long[] labels) {
    static final int COUNT = 3;
    static final int SIZE = 64;
    static final int PIXELS = 784;

    static Batches load() throws Exception {
        List<TensorSpec> specs = List.of(new TensorSpec("x", DType.F32, List.of(COUNT, SIZE, PIXELS)),
                new TensorSpec("y", DType.I64, List.of(COUNT, SIZE)));
        FixtureTensors t = FixtureTensors.load(TorchParityTest.fixture("batches.safetensors"), specs);
        return new Batches(t.floats("x"), t.longs("y"));
    }

    /** Batch {@code b}'s images, row-major [64, 784]. */
    float[] x(int b) {
        return Arrays.copyOfRange(images, b * SIZE * PIXELS, (b + 1) * SIZE * PIXELS);
    }

    /** Batch {@code b}'s labels as class indices. */
    int[] labels(int b) {
        int[] out = new int[SIZE];
        for (int i = 0; i < SIZE; i++) out[i] = Math.toIntExact(labels[b * SIZE + i]);
        return out;
    }
}
