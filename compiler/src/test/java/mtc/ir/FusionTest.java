package mtc.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mtc.check.PoolKind;
import mtc.check.Shape;
import org.junit.jupiter.api.Test;

/** Which ops {@link Fusion} merges, and which intermediate buffers that removes from training. */
class FusionTest {
    private static List<String> names(List<Op> ops) {
        return ops.stream().map(IrPrinter::opName).toList();
    }

    @Test
    void normAndReluWithoutDropoutFuseWithAGateOfOnes() {
        Program p = IrPipeline.build(new TestModels.Chain("R", Shape.of(4)).linear(3).batchNorm().relu().linear(2)
                .model());
        Op.FusedBatchNormReluDropout fused = (Op.FusedBatchNormReluDropout) p.forwardTrain().get(2);
        assertEquals(0f, fused.p());
        assertEquals("2.out", fused.out().name());
        Op.FusedBatchNormReluDropoutGrad grad = (Op.FusedBatchNormReluDropoutGrad) p.backward().get(3);
        assertEquals("0.bias.grad", grad.dBias().name());
    }

    @Test
    void aNormOnTheInputHasNoBiasGradientToTakeOver() {
        Program p = IrPipeline.build(new TestModels.Chain("N", Shape.of(4)).batchNorm().relu().linear(2).model());
        assertEquals(List.of("fused_batch_norm_relu_dropout", "matmul", "bias_add", "fused_softmax_cross_entropy"),
                names(p.forwardTrain()));
        assertNull(((Op.FusedBatchNormReluDropoutGrad) p.backward().get(3)).dBias());
    }

    @Test
    void imageNormsTakeTheirReluAndNormsWithoutReluStaySeparate() {
        Program images = IrPipeline.build(new TestModels.Chain("I", Shape.of(2, 2, 3)).batchNorm().relu().flatten()
                .linear(3).model());
        assertEquals("fused_batch_norm_relu", names(images.forwardTrain()).get(0));
        assertTrue(names(images.backward()).containsAll(List.of("relu_grad", "batch_norm_grad")));
        Program noRelu = IrPipeline.build(new TestModels.Chain("D", Shape.of(4)).linear(3).batchNorm().dropout(0.5)
                .linear(2).model());
        assertEquals(List.of("matmul", "bias_add", "batch_norm_train", "dropout_train", "matmul", "bias_add",
                "fused_softmax_cross_entropy"), names(noRelu.forwardTrain()));
        assertTrue(names(noRelu.backward()).containsAll(List.of("dropout_grad", "batch_norm_grad")));
    }

    /** relu and the max pooling after it fuse rather than the norm and the relu, in both passes. */
    @Test
    void aNormBeforeReluAndMaxPoolingLeavesTheReluToThePooling() {
        Program p = IrPipeline.build(new TestModels.Chain("P", Shape.of(2, 4, 4)).batchNorm().relu()
                .pool(PoolKind.MAX, 2, 2, 0).flatten().linear(3).model());
        assertEquals(List.of("batch_norm_train", "fused_relu_max_pool"), names(p.forwardTrain()).subList(0, 2));
        assertEquals(List.of("batch_norm_eval", "fused_relu_max_pool"), names(p.forwardEval()).subList(0, 2));
    }

    @Test
    void aConvolutionsNormTakesOverItsBiasGradient() {
        Program p = IrPipeline.build(new TestModels.Chain("C", Shape.of(2, 6, 6)).conv2d(4, 3, 1, 1, 1, true)
                .batchNorm().relu().flatten().linear(3).model());
        assertEquals(List.of("fused_conv_bias", "fused_batch_norm_relu"), names(p.forwardTrain()).subList(0, 2));
        List<String> backward = names(p.backward());
        assertTrue(backward.contains("fused_batch_norm_grad_bias"), backward.toString());
        assertEquals(1, backward.stream().filter("bias_grad"::equals).count(), backward.toString()); // the linear's
    }

    @Test
    void intermediateBuffersAreGoneFromTraining() {
        Program seed = IrPipeline.build(TestModels.seed(784, 256, 10, 0.2));
        List<String> buffers = seed.buffers().stream().map(Buffer::name).toList();
        for (String gone : List.of("probs", "3.mask", "1.out.grad", "2.out.grad")) {
            assertTrue(!buffers.contains(gone), gone + " in " + buffers);
        }
    }
}
