package mtc.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mtc.kernels.Activations;
import mtc.runtime.DType;
import mtc.runtime.TensorSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The activation kernels against PyTorch's own float32 CPU results (its AVX2 kernels, one thread)
 * on 4,096 inputs: special values, 2^-20..2^6 of both signs, uniform in [-12, 12]; fixture
 * {@code parity/activation_kernels.safetensors} from {@code tools/torch/make_parity_fixtures.py}.
 * The backward kernels that read the forward output are given PyTorch's output, so that they are
 * compared formula against formula.
 */
class ActivationKernelsParityTest {
    private static final int SIZE = 4096;
    private static final float SLOPE = 0.1f;
    private static FixtureTensors torch;
    private static float[] x;
    private static float[] dy;

    @BeforeAll
    static void load() throws Exception {
        List<TensorSpec> specs = new ArrayList<>();
        for (String name : List.of("x", "dy", "tanh", "tanh_grad", "sigmoid", "sigmoid_grad", "gelu", "gelu_grad",
                "leaky_relu", "leaky_relu_grad")) {
            specs.add(new TensorSpec(name, DType.F32, List.of(SIZE)));
        }
        torch = FixtureTensors.load(TorchParityTest.fixture("activation_kernels.safetensors"), specs);
        x = torch.floats("x");
        dy = torch.floats("dy");
    }

    /** Sleef's tanhf and the kernel are each within an ulp of the exact value. */
    @Test
    void tanhWithinOneUlpBackwardBitForBit() {
        checkReadingOutput("tanh", Activations::tanh, Activations::tanhBackward, 1);
    }

    /**
     * The same float steps. PyTorch's vectorised expf is 1 ulp off now and then (exp(-1.0625) is
     * 0.34559077, the kernel's the correctly rounded 0.34559074), and when 1 + e then rounds to
     * the other neighbour the quotient lies 2 ulps away.
     */
    @Test
    void sigmoidWithinTwoUlpsBackwardBitForBit() {
        checkReadingOutput("sigmoid", Activations::sigmoid, Activations::sigmoidBackward, 2);
    }

    /** The forward within {@code maxUlps}; the backward, given PyTorch's output, bit for bit. */
    private static void checkReadingOutput(String name, Forward forward, Backward backward, int maxUlps) {
        assertUlps(name, forward(forward), torch.floats(name), maxUlps);
        float[] dx = new float[SIZE];
        backward.run(dy, torch.floats(name), dx, 1, SIZE);
        assertArrayEquals(torch.floats(name + "_grad"), dx, name + " backward");
    }

    @Test
    void leakyReluBitForBit() {
        float[] y = new float[SIZE];
        Activations.leakyRelu(x, y, 1, SIZE, SLOPE);
        assertArrayEquals(torch.floats("leaky_relu"), y, "leaky_relu");
        float[] dx = new float[SIZE];
        Activations.leakyReluBackward(dy, x, dx, 1, SIZE, SLOPE);
        assertArrayEquals(torch.floats("leaky_relu_grad"), dx, "leaky_relu backward");
    }

    /**
     * PyTorch's AVX2 erf is Abramowitz and Stegun 7.1.26 in float (absolute error up to 1.5e-7,
     * then rounded near 1), the kernel's is exact to 1e-12: they differ by up to about 2e-7 |x|.
     */
    @Test
    void geluWithinPyTorchsErfError() {
        float[] dx = new float[SIZE];
        Activations.geluBackward(dy, x, dx, 1, SIZE);
        assertAbsolute("gelu", forward(Activations::gelu), torch.floats("gelu"), 2.5e-7);
        assertAbsolute("gelu backward", dx, torch.floats("gelu_grad"), 2.5e-7);
    }

    private interface Forward {
        void run(float[] x, float[] y, int n, int width);
    }

    private interface Backward {
        void run(float[] dy, float[] y, float[] dx, int n, int width);
    }

    private static float[] forward(Forward kernel) {
        float[] y = new float[SIZE];
        kernel.run(x, y, 1, SIZE);
        return y;
    }

    private static void assertUlps(String what, float[] actual, float[] expected, int maxUlps) {
        int worst = 0;
        for (int i = 0; i < SIZE; i++) {
            if (ulps(actual[i], expected[i]) > ulps(actual[worst], expected[worst])) worst = i;
        }
        int at = worst;
        assertTrue(ulps(actual[at], expected[at]) <= maxUlps, () -> what + "(" + x[at] + "): mtc " + actual[at]
                + ", torch " + expected[at] + ", " + ulps(actual[at], expected[at]) + " ulps apart");
    }

    /** Floats between a and b, counting one of them; NaN against NaN is 0, against a number infinite. */
    private static long ulps(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        return Math.abs(ordered(a) - ordered(b));
    }

    /** The float's position on a number line of all floats (-0 and +0 both at 0). */
    private static long ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits < 0 ? -(long) (bits & Integer.MAX_VALUE) : bits;
    }

    /** |actual - expected| <= tolerance * max(1, |x|), NaN exactly where PyTorch has NaN. */
    private static void assertAbsolute(String what, float[] actual, float[] expected, double tolerance) {
        for (int i = 0; i < SIZE; i++) {
            int at = i;
            boolean ok = Float.isNaN(expected[i]) ? Float.isNaN(actual[i])
                    : expected[i] == actual[i] || Math.abs(actual[i] - expected[i]) <= tolerance * Math.max(1, Math.abs(x[i]));
            assertTrue(ok, () -> what + "(" + x[at] + "): mtc " + actual[at] + ", torch " + expected[at]);
        }
    }
}
