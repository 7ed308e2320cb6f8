package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ElementwiseTest {
    /** relu of the sum, bit for bit as the two kernels: vector body and tail, signed zeros, NaN, in place. */
    @Test
    void addReluIsAddThenRelu() {
        for (int size : new int[] {1, 15, 16, 37, 1000}) {
            float[] a = FiniteDifferences.random(size, 1), b = FiniteDifferences.random(size, 2);
            for (int i = 0; i < size; i += 7) b[i] = -a[i];            // sums of exactly zero
            for (int i = 3; i < size; i += 11) a[i] = Float.NaN;
            if (size > 5) { a[5] = -0f; b[5] = -0f; }                 // -0 + -0 = -0
            float[] expected = new float[size];
            Elementwise.add(a, b, expected, 1, size);
            Activations.relu(expected, expected, 1, size);
            float[] out = new float[size];
            Elementwise.addRelu(a, b, out, 1, size);
            assertArrayEquals(expected, out, "size " + size);
            Elementwise.addRelu(a, b, a, 1, size);
            assertArrayEquals(expected, a, "in place, size " + size);
        }
    }

    /** relu's gradient of a sum of two gradients, bit for bit as the two kernels: outputs of zero, NaN, in place. */
    @Test
    void addReluBackwardIsAddThenReluBackward() {
        for (int size : new int[] {1, 15, 16, 37, 1000}) {
            float[] a = FiniteDifferences.random(size, 3), b = FiniteDifferences.random(size, 4);
            float[] y = FiniteDifferences.random(size, 5);
            for (int i = 0; i < size; i += 5) y[i] = 0f;               // relu's output where it stopped
            for (int i = 2; i < size; i += 9) y[i] = Float.NaN;
            for (int i = 4; i < size; i += 13) a[i] = Float.NaN;
            float[] expected = new float[size];
            Elementwise.add(a, b, expected, 1, size);
            Activations.reluBackward(expected, y, expected, 1, size);
            float[] dx = new float[size];
            Elementwise.addReluBackward(a, b, y, dx, 1, size);
            assertArrayEquals(expected, dx, "size " + size);
            Elementwise.addReluBackward(a, b, y, b, 1, size);
            assertArrayEquals(expected, b, "in place, size " + size);
        }
    }
}
