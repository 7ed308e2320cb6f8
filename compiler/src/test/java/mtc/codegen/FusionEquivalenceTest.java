package mtc.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mtc.check.CheckedModel;
import mtc.check.PoolKind;
import mtc.check.Shape;
import mtc.diag.SourceFile;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import mtc.ir.GraphModels;
import mtc.ir.IrPipeline;
import mtc.ir.Program;
import mtc.ir.TestModels;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import org.junit.jupiter.api.Test;

/**
 * Fused training and evaluation compute the very numbers of the separate ops: the same model
 * compiled with and without {@link mtc.ir.Fusion} and {@link mtc.ir.UpdateFusion} gives bit-identical
 * losses, weights and running statistics after a few steps with dropout, then bit-identical
 * evaluation probabilities. 40 features exercise both the vector loops and their scalar tails;
 * inputs are two-thirds zeros, so products of the input skip zero tiles, and 20 inputs leave a last
 * tile of the weight update that overlaps the one before.
 */
class FusionEquivalenceTest {
    private static final int N = 8;

    @Test
    void seedArchitecture() {
        assertSameTraining(new TestModels.Chain("Seed", Shape.of(6)).linear(40).batchNorm().relu().dropout(0.3)
                .linear(3).model());
    }

    @Test
    void linearFirstWithAnInputNotAMultipleOfTheTile() {
        assertSameTraining(new TestModels.Chain("Wide", Shape.of(20)).linear(70).relu().linear(5).model());
    }

    @Test
    void normAndReluWithoutDropoutOrLinearBefore() {
        assertSameTraining(new TestModels.Chain("Plain", Shape.of(20)).batchNorm().relu().linear(4).model());
    }

    /** Convolutions with their bias: a direct one (3 channels in) and Winograd's (16 in), then pooled ones. */
    @Test
    void convolutionsWithTheirBias() {
        assertSameTraining(new TestModels.Chain("Convs", Shape.of(3, 10, 10)).conv2d(16, 3, 1, 1, 1, true).batchNorm()
                .relu().conv2d(8, 3, 1, 1, 1, true).relu().conv2d(8, 3, 1, 1, 1, true).relu()
                .pool(PoolKind.MAX, 2, 2, 0).flatten().linear(3).model());
    }

    @Test
    void aNormWhoseOutputIsReadTwice() {
        assertSameTraining(IrPipeline.build(GraphModels.residualRelu(20, 40, 3, true), true),
                IrPipeline.build(GraphModels.residualRelu(20, 40, 3, true), false));
    }

    /**
     * A residual network from the language: batch norm over images followed by relu, residual sums
     * followed by relu (the gradients of their inputs summed, then relu's gradient), a shortcut.
     */
    @Test
    void residualBlocksOverImages() {
        String text = """
                block basic(c) = conv2d(c, 3, padding=1) -> batchnorm -> relu -> conv2d(c, 3, padding=1) -> batchnorm
                input [2, 8, 8]
                conv2d(8, 3, padding=1) -> batchnorm -> relu -> residual(basic(8)) -> relu -> residual(basic(8)) -> relu
                  -> residual(basic(8), shortcut = conv2d(8, 1) -> batchnorm) -> relu
                  -> global_avgpool -> flatten -> linear(3)
                """;
        FrontendResult result = Frontend.check(new SourceFile("residual.mt", text));
        assertTrue(result.model() != null, result.diagnostics().toString());
        assertSameTraining(result.model());
    }

    private static void assertSameTraining(CheckedModel model) {
        assertSameTraining(IrPipeline.build(model), TestModels.unfused(model));
    }

    private static void assertSameTraining(Program fusedProgram, Program separateProgram) {
        Network fused = network(fusedProgram);
        Network separate = network(separateProgram);
        double[] fusedLosses = train(fused);
        assertArrayEquals(train(separate), fusedLosses);
        assertArrayEquals(evaluate(separate), evaluate(fused), "evaluation");
        for (int t = 0; t < fused.spec().tensors().size(); t++) {
            String name = fused.spec().tensors().get(t).name();
            if (name.endsWith("num_batches_tracked")) assertArrayEquals(separate.longs(t), fused.longs(t), name);
            else assertArrayEquals(separate.floats(t), fused.floats(t), name);
        }
    }

    private static Network network(Program program) {
        Network net = NetworkClasses.instantiate(ClassGenerator.generate(program));
        net.initialize(new Rng(3));
        return net;
    }

    /** The probabilities of evaluation mode for a batch of the training data's kind. */
    private static float[] evaluate(Network net) {
        Rng data = new Rng(6);
        float[] x = new float[N * net.spec().inputSize()];
        for (int i = 0; i < x.length; i++) x[i] = data.nextInt(3) == 0 ? data.uniform(-2f, 2f) : 0f;
        int[] labels = new int[N];
        float[] probs = new float[N * net.spec().classes()];
        net.evaluate(x, labels, N, probs, new StepStats());
        return probs;
    }

    private static double[] train(Network net) {
        Rng data = new Rng(4);
        Rng dropout = new Rng(5);
        double[] losses = new double[3];
        for (int step = 0; step < losses.length; step++) {
            float[] x = new float[N * net.spec().inputSize()];
            for (int i = 0; i < x.length; i++) x[i] = data.nextInt(3) == 0 ? data.uniform(-2f, 2f) : 0f;
            int[] labels = new int[N];
            for (int i = 0; i < N; i++) labels[i] = data.nextInt(net.spec().classes());
            StepStats stats = new StepStats();
            net.trainStep(x, labels, N, 0.1f, dropout, stats);
            losses[step] = stats.lossSum;
            assertEquals(N, stats.samples);
        }
        return losses;
    }
}
