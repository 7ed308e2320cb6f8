package mtc.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import mtc.check.ActivationKind;
import mtc.diag.SourceFile;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import mtc.check.PoolKind;
import mtc.check.Shape;
import mtc.ir.GraphModels;
import mtc.ir.IrPipeline;
import mtc.ir.Program;
import mtc.ir.TestModels;
import mtc.runtime.NetworkBase;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.TensorSpec;
import org.junit.jupiter.api.Test;

/**
 * The generated backward pass of whole models against central finite differences of the
 * generated training-mode forward pass. The loss is read from a training step with learning
 * rate 0 (parameters unchanged) and the same dropout stream each time, so the mask is fixed.
 *
 * <p>Tolerance: the loss is a float32 computation of O(1) values, so its rounding noise is ~1e-7;
 * over {@code 2h = 2e-3} that is ~5e-5, and the truncation error {@code h²/6·f'''} is ~1e-7. A
 * small {@code h} matters more than float noise here: with {@code h = 1e-2} a pre-activation of
 * a low-variance batch-norm channel crosses the ReLU kink and the difference quotient is wrong by
 * 30%. {@code 1e-3 + 1e-2·|g|} is ~20x the expected error (all entries agree within
 * {@code 2e-4 + 2e-3·|g|} today), while a wrong formula (missing term or factor) is off by O(|g|).
 */
class ModelGradientCheckTest {
    private static final double H = 1e-3;
    private static final int N = 8;

    @Test
    void seedArchitecture() {
        check(new TestModels.Chain("Seed", Shape.of(6)).linear(5).batchNorm().relu().dropout(0.3).linear(3));
    }

    @Test
    void imagesThroughPerChannelBatchNormAndFlatten() {
        check(new TestModels.Chain("Image", Shape.of(2, 2, 3)).batchNorm().flatten().linear(4).relu().linear(3));
    }

    /**
     * A value read twice: its gradient is the sum of the relu's and the addition's. A smaller step:
     * with {@code h = 1e-3} one pre-activation of this batch crosses the relu's kink (where
     * {@code relu(h) + h} changes slope from 1 to 2) and the quotient is off by 12%; float noise over
     * {@code 2h = 4e-4} is ~3e-4, still 3x under the tolerance.
     */
    @Test
    void residualReluGraph() {
        check(IrPipeline.build(GraphModels.residualRelu(6, 5, 3, false), false), 2e-4);
    }

    @Test
    void residualAroundABatchNorm() {
        check(IrPipeline.build(GraphModels.residualRelu(6, 5, 3, true), false), H);
    }

    @Test
    void everyActivation() {
        TestModels.Chain chain = new TestModels.Chain("Act", Shape.of(6)).linear(5);
        for (ActivationKind kind : ActivationKind.values()) chain.activation(kind, 0.1).linear(5);
        check(chain.linear(3));
    }

    /** Odd sizes, stride, padding, dilation, overlapping max pooling, average pooling with padding. */
    @Test
    void convolutionsAndPooling() {
        check(new TestModels.Chain("Conv", Shape.of(2, 7, 6)).conv2d(3, 3, 1, 1, 1, true)
                .activation(ActivationKind.TANH, 0)
                .pool(PoolKind.MAX, 3, 2, 1).conv2d(4, 2, 2, 1, 2, false).batchNorm()
                .pool(PoolKind.AVERAGE, 2, 1, 1).globalAvgPool().flatten().linear(3));
    }

    /**
     * A block used twice and a residual connection with and without a shortcut, from the language
     * itself. Smooth activations: with relu, a convolution's weight moves every position of its
     * channel, and some pre-activation of the batch crosses the kink for most weights (quotients
     * 5-30% off, with h = 2e-4 as with 1e-3).
     */
    @Test
    void residualBlocksFromTheLanguage() {
        String text = """
                block unit(c) = conv2d(c, 3, padding=1) -> batchnorm -> tanh -> conv2d(c, 3, padding=1)
                input [2, 6, 6]
                conv2d(3, 3, padding=1) -> residual(unit(3)) -> gelu
                  -> residual(unit(3) -> maxpool2d(2), shortcut = conv2d(3, 1, stride=2)) -> flatten -> linear(3)
                """;
        FrontendResult result = Frontend.check(new SourceFile("residual.mt", text));
        assertTrue(result.model() != null, result.diagnostics().toString());
        check(TestModels.unfused(result.model()), 2e-4);
    }

    private static void check(TestModels.Chain chain) {
        // Unfused, so that every gradient is stored (fused weight updates never store theirs); fusion
        // itself is checked against this program, bit for bit, by FusionEquivalenceTest.
        check(TestModels.unfused(chain.model()), H);
    }

    private static void check(Program program, double h) {
        NetworkBase net = (NetworkBase) NetworkClasses.instantiate(ClassGenerator.generate(program));
        net.initialize(new Rng(3));
        Rng data = new Rng(4);
        float[] x = new float[N * net.spec().inputSize()];
        for (int i = 0; i < x.length; i++) x[i] = data.uniform(-2f, 2f);
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) labels[i] = data.nextInt(net.spec().classes());
        loss(net, x, labels);
        for (int t = 0; t < net.spec().tensors().size(); t++) {
            float[] grad = net.gradient(t);
            if (grad != null) checkTensor(net, t, grad.clone(), x, labels, h);
        }
    }

    private static void checkTensor(NetworkBase net, int t, float[] analytic, float[] x, int[] labels, double h) {
        TensorSpec spec = net.spec().tensors().get(t);
        float[] values = net.floats(t);
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = (float) (saved + h);
            double plus = loss(net, x, labels);
            values[i] = (float) (saved - h);
            double minus = loss(net, x, labels);
            values[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertTrue(Math.abs(numeric - analytic[i]) <= 1e-3 + 1e-2 * Math.abs(numeric),
                    spec.name() + "[" + i + "]: analytic " + analytic[i] + ", numeric " + numeric);
        }
    }

    private static double loss(NetworkBase net, float[] x, int[] labels) {
        StepStats stats = new StepStats();
        net.trainStep(x, labels, N, 0f, new Rng(5), stats);
        return stats.meanLoss();
    }
}
