package mtc.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Derivation and fusion of a graph in which one value is read twice ({@code y = relu(h) + h}). */
class GraphIrTest {
    private static List<String> lines(List<Op> ops) {
        return ops.stream().map(IrPrinter::line).toList();
    }

    @Test
    void theGradientOfAValueReadTwiceIsTheSumOfBoth() {
        List<Op> backward = Autodiff.backward(GraphModels.residualRelu(6, 5, 3, false).forwardTrain());
        assertEquals(List.of(
                "4.out.grad[B,3] = softmax_cross_entropy_grad probs[B,3]",
                "4.bias.grad[3] = bias_grad 4.out.grad[B,3]",
                "3.out.grad[B,5] = matmul_grad_input 4.out.grad[B,3], 4.weight[3,5]",
                "4.weight.grad[3,5] = matmul_grad_weight 4.out.grad[B,3], 3.out[B,5]",
                "0.out.grad.2[B,5] = relu_grad 3.out.grad[B,5], 2.out[B,5]",
                "0.out.grad[B,5] = add 3.out.grad[B,5], 0.out.grad.2[B,5]",
                "0.bias.grad[5] = bias_grad 0.out.grad[B,5]",
                "0.weight.grad[5,6] = matmul_grad_weight 0.out.grad[B,5], x[B,6]"), lines(backward));
    }

    @Test
    void fusionDoesNotHideAValueWithTwoUses() {
        Program twoUses = IrPipeline.build(GraphModels.residualRelu(6, 5, 3, true), true);
        List<String> ops = twoUses.forwardTrain().stream().map(IrPrinter::opName).toList();
        assertTrue(ops.containsAll(List.of("batch_norm_train", "relu", "add")), ops.toString());
        assertTrue(ops.stream().noneMatch(o -> o.startsWith("fused_batch_norm")), ops.toString());
    }

    /**
     * relu after a residual sum, and max pooling after relu, are one op each, and a convolution with
     * its bias; the evaluation pass fuses the sum too.
     */
    @Test
    void reluJoinsTheResidualSumAndTheMaxPoolingAfterIt() {
        Program p = IrPipeline.build(GraphModels.checked("input [2, 8, 8]\nconv2d(3, 3, padding=1) -> relu"
                + " -> residual(conv2d(3, 3, padding=1)) -> relu -> conv2d(3, 3, padding=1) -> relu -> maxpool2d(2)"
                + " -> flatten -> linear(3)\n"));
        List<String> train = p.forwardTrain().stream().map(IrPrinter::opName).toList();
        assertEquals(List.of("fused_conv_bias", "relu", "fused_conv_bias", "fused_add_relu",
                "fused_conv_relu_max_pool", "reshape", "matmul", "bias_add", "fused_softmax_cross_entropy"), train);
        List<String> eval = p.forwardEval().stream().map(IrPrinter::opName).toList();
        assertTrue(eval.contains("fused_add_relu") && !eval.contains("add"), eval.toString());
        assertTrue(eval.contains("fused_conv_relu_max_pool") && !eval.contains("fused_relu_max_pool"), eval.toString());
    }

    /**
     * A convolution, its bias, relu and 2x2 max pooling are one op when the kernel can pool as it
     * goes (unit stride, even output); its derivative is the three ops' through one gradient. A
     * strided convolution, an odd output or a 3x3 window keeps them apart (the convolution and its
     * bias still one op).
     */
    @Test
    void aConvolutionJoinsTheReluAndPoolingAfterItWhereTheKernelCanPool() {
        Program p = IrPipeline.build(GraphModels.checked("input [1, 28, 28]\nconv2d(4, 5, padding=2) -> relu"
                + " -> maxpool2d(2) -> conv2d(6, 3, stride=2) -> relu -> maxpool2d(2) -> conv2d(6, 3, padding=1)"
                + " -> relu -> maxpool2d(3) -> flatten -> linear(3)\n"));
        List<String> train = p.forwardTrain().stream().map(IrPrinter::opName).toList();
        assertEquals(List.of("fused_conv_relu_max_pool", "fused_conv_bias", "fused_relu_max_pool", "fused_conv_bias",
                "fused_relu_max_pool", "reshape", "matmul", "bias_add", "fused_softmax_cross_entropy"), train);
        List<String> backward = lines(p.backward());
        assertEquals(List.of(
                "0.out.grad[B,4,28,28] = fused_relu_max_pool_grad 2.out.grad[B,4,14,14], 2.argmax[B,4,14,14]",
                "0.bias.grad[4] = bias_grad 0.out.grad[B,4,28,28]",
                "0.weight.grad[4,1,5,5] = conv2d_grad_weight 0.out.grad[B,4,28,28], x[B,1,28,28]"),
                backward.subList(backward.size() - 3, backward.size()));
    }
}
