package mtc.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import mtc.check.Shape;
import org.junit.jupiter.api.Test;

class IrPipelineTest {
    private final Program seed = IrPipeline.build(TestModels.seed(784, 256, 10, 0.2));

    @Test
    void stateTensorsComeFirstInPyTorchOrder() {
        List<String> names = seed.stateDict().stream().map(Buffer::name).toList();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "4.weight", "4.bias"), names);
        assertEquals(names, seed.buffers().subList(0, names.size()).stream().map(Buffer::name).toList());
    }

    @Test
    void backwardIsTheForwardOpsGradientsInReverse() {
        List<Op> backward = Autodiff.backward(Lowering.lower(TestModels.seed(784, 256, 10, 0.2)).forwardTrain());
        assertEquals(List.of("softmax_cross_entropy_grad", "bias_grad", "matmul_grad_input", "matmul_grad_weight",
                "dropout_grad", "relu_grad", "batch_norm_grad", "bias_grad", "matmul_grad_weight"),
                backward.stream().map(IrPrinter::opName).toList());
    }

    @Test
    void trainingPassesAreFused() {
        assertEquals(List.of("matmul", "bias_add", "fused_batch_norm_relu_dropout", "matmul", "bias_add",
                "fused_softmax_cross_entropy"), seed.forwardTrain().stream().map(IrPrinter::opName).toList());
        assertEquals(List.of("bias_grad", "matmul_grad_input", "fused_matmul_grad_weight_sgd",
                "fused_batch_norm_relu_dropout_grad", "fused_matmul_grad_weight_sgd"),
                seed.backward().stream().map(IrPrinter::opName).toList());
    }

    @Test
    void theInputBatchGetsNoGradient() {
        assertTrue(seed.buffers().stream().noneMatch(b -> b.name().equals("x.grad")));
    }

    @Test
    void evaluationSkipsDropoutAndUsesRunningStatistics() {
        List<String> ops = seed.forwardEval().stream().map(IrPrinter::opName).toList();
        assertEquals(List.of("matmul", "bias_add", "batch_norm_eval", "relu", "matmul", "bias_add", "softmax_eval"),
                ops);
        Op.MatMul last = (Op.MatMul) seed.forwardEval().get(4);
        assertEquals("2.out", last.in().name());
    }

    /** Weights by the backward pass (their update fused with their gradient), the rest by SGD steps. */
    @Test
    void everyParameterIsUpdatedOnce() {
        assertEquals(List.of("0.bias", "1.weight", "1.bias", "4.bias"),
                seed.update().stream().map(op -> ((Op.SgdStep) op).param().name()).toList());
        assertEquals(List.of("4.weight", "0.weight"), seed.backward().stream()
                .filter(op -> op instanceof Op.FusedMatMulGradWeightSgd)
                .map(op -> ((Op.FusedMatMulGradWeightSgd) op).weight().name()).toList());
        assertTrue(seed.buffers().stream().noneMatch(b -> b.name().endsWith("weight.grad") && b.transposed()),
                "a fused weight's gradient is never stored");
    }

    @Test
    void dropoutWithZeroProbabilityLowersToNothing() {
        Program p = IrPipeline.build(new TestModels.Chain("D", Shape.of(4)).linear(3).dropout(0).model());
        assertEquals(List.of("matmul", "bias_add", "fused_softmax_cross_entropy"),
                p.forwardTrain().stream().map(IrPrinter::opName).toList());
    }

    @Test
    void flattenIsAViewOfTheSameBuffer() {
        Program p = IrPipeline.build(new TestModels.Chain("F", Shape.of(2, 3, 4)).relu().flatten().linear(5)
                .model());
        Op.MatMul matMul = (Op.MatMul) p.forwardTrain().get(1);
        assertEquals("0.out", matMul.in().name());
        assertEquals(Shape.of(24), matMul.in().shape());
    }

    /** The data (images: mostly zeros) is the only input whose zeros are worth looking for. */
    @Test
    void productsOfTheInputSkipZerosAndNoOthersDo() {
        List<String> skipping = Stream.of(seed.forwardTrain(), seed.backward(), seed.forwardEval())
                .flatMap(List::stream)
                .filter(op -> op instanceof Op.MatMul m && m.skipZeros()
                        || op instanceof Op.FusedMatMulGradWeightSgd g && g.skipZeros())
                .map(IrPrinter::line)
                .toList();
        assertEquals(List.of("0.out[B,256] = matmul x[B,784], 0.weight[256,784] skip_zeros",
                "0.weight[256,784] = fused_matmul_grad_weight_sgd 0.out.grad[B,256], x[B,784], 0.weight[256,784] "
                        + "skip_zeros",
                "0.out[B,256] = matmul x[B,784], 0.weight[256,784] skip_zeros"), skipping);
        Program flattened = IrPipeline.build(new TestModels.Chain("F", Shape.of(2, 3, 4)).flatten().linear(32)
                .model());
        assertTrue(((Op.MatMul) flattened.forwardTrain().get(0)).skipZeros());
    }

    /** 256 outputs: stored [in,out]; the classifier's 10 keep PyTorch's [out,in] (dot products along in). */
    @Test
    void wideLinearWeightsAreStoredTransposedNarrowOnesAsPyTorchHasThem() {
        assertEquals(List.of("0.weight"),
                seed.buffers().stream().filter(Buffer::transposed).filter(b -> b.role() == Buffer.Role.PARAMETER)
                        .map(Buffer::name).toList());
        Program narrowFirst = IrPipeline.build(new TestModels.Chain("L", Shape.of(784)).linear(10).model());
        Op.MatMul matMul = (Op.MatMul) narrowFirst.forwardTrain().get(0);
        assertEquals(false, matMul.weight().transposed());
        assertEquals(false, matMul.skipZeros(), "zero tiles are skipped only through a transposed weight");
    }

    @Test
    void printerShowsOneOpPerLineWithSymbolicBatch() {
        String text = IrPrinter.print(seed);
        assertTrue(text.contains("0.out[B,256] = matmul x[B,784], 0.weight[256,784]"), text);
        assertTrue(text.contains("3.out[B,256], 2.gate[B,256], 1.xhat[B,256], 1.invstd[256], 1.running_mean[256], "
                + "1.running_var[256], 1.num_batches_tracked[] = fused_batch_norm_relu_dropout 0.out[B,256], "
                + "1.weight[256], 1.bias[256] eps=1.0E-5 momentum=0.1 p=0.2"), text);
    }
}
