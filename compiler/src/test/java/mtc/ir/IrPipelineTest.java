package mtc.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mtc.check.Shape;
import org.junit.jupiter.api.Test;

class IrPipelineTest {
    private final Program seed = IrPipeline.build(TestModels.seed(784, 256, 10, 0.2));

    private static List<String> names(List<Op> ops) {
        return ops.stream().map(IrPrinter::opName).toList();
    }

    @Test
    void stateTensorsComeFirstInPyTorchOrder() {
        List<String> names = seed.stateDict().stream().map(Buffer::name).toList();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "4.weight", "4.bias"), names);
        for (int i = 0; i < names.size(); i++) assertEquals(i, seed.slot(seed.stateDict().get(i)));
    }

    @Test
    void backwardIsTheForwardOpsDerivativesInReverse() {
        List<Op> backward = Autodiff.backward(Lowering.lower(TestModels.seed(784, 256, 10, 0.2)).forwardTrain());
        assertEquals(List.of("softmax_cross_entropy_grad", "bias_grad", "matmul_grad_input", "matmul_grad_weight",
                "dropout_grad", "relu_grad", "batch_norm_grad", "bias_grad", "matmul_grad_weight"), names(backward));
    }

    @Test
    void trainingPassesAreFused() {
        assertEquals(List.of("matmul", "bias_add", "fused_batch_norm_relu_dropout", "matmul", "bias_add",
                "fused_softmax_cross_entropy"), names(seed.forwardTrain()));
        assertEquals(List.of("bias_grad", "matmul_grad_input", "fused_matmul_grad_weight_update",
                "fused_batch_norm_relu_dropout_grad", "fused_matmul_grad_weight_update"), names(seed.backward()));
    }

    @Test
    void theInputBatchGetsNoGradient() {
        assertTrue(seed.buffers().stream().noneMatch(b -> b.name().equals("x.grad")));
    }

    @Test
    void everyValueIsDefinedOnceExceptState() {
        List<Op> step = Stream.of(seed.forwardTrain(), seed.backward(), seed.update()).flatMap(List::stream)
                .toList();
        List<String> written = step.stream().flatMap(op -> op.writes().stream())
                .filter(b -> !b.role().inStateDict()).map(Buffer::name).toList();
        assertEquals(Set.copyOf(written).size(), written.size(), written.toString());
    }

    @Test
    void evaluationSkipsDropoutAndUsesRunningStatistics() {
        assertEquals(List.of("matmul", "bias_add", "batch_norm_eval", "relu", "matmul", "bias_add", "softmax_eval"),
                names(seed.forwardEval()));
        Op.MatMul last = (Op.MatMul) seed.forwardEval().get(4);
        assertEquals("eval.2.out", last.in().name());
    }

    /** Weights by the backward pass (their update fused with their gradient), the rest by optimizer steps. */
    @Test
    void everyParameterIsUpdatedOnce() {
        assertEquals(List.of("0.bias", "1.weight", "1.bias", "4.bias"),
                seed.update().stream().map(op -> ((Op.OptimizerUpdate) op).param().name()).toList());
        assertEquals(List.of("4.weight", "0.weight"), seed.backward().stream()
                .filter(op -> op instanceof Op.FusedMatMulGradWeightUpdate)
                .map(op -> ((Op.FusedMatMulGradWeightUpdate) op).weight().name()).toList());
        assertTrue(seed.buffers().stream().map(Buffer::name).noneMatch(Set.of("0.weight.grad", "4.weight.grad")::contains),
                "a fused weight's gradient is never stored");
    }

    /** Momentum buffers and moments carry over from step to step: a slot each, outside the state dict. */
    @Test
    void optimizerStateHasSlotsOfItsOwn() {
        List<Buffer> moments = seed.buffers().stream().filter(b -> b.role() == Buffer.Role.OPTIMIZER_STATE).toList();
        assertEquals(2 * 6, moments.size(), moments.toString());
        assertTrue(seed.stateDict().stream().noneMatch(moments::contains));
        for (Buffer m : moments) {
            assertEquals(List.of(m.name()), seed.slots().get(seed.slot(m)).values());
            assertTrue(seed.slot(m) >= seed.stateDict().size());
        }
    }

    @Test
    void dropoutWithZeroProbabilityLowersToNothing() {
        Program p = IrPipeline.build(new TestModels.Chain("D", Shape.of(4)).linear(3).dropout(0).model());
        assertEquals(List.of("matmul", "bias_add", "fused_softmax_cross_entropy"), names(p.forwardTrain()));
    }

    /** A view: its own value, stored with what it views; a flatten of the input is still the input. */
    @Test
    void flattenIsAViewSharingItsInputsSlot() {
        Program p = IrPipeline.build(new TestModels.Chain("F", Shape.of(2, 3, 4)).relu().flatten().linear(5)
                .model());
        Op.Reshape reshape = (Op.Reshape) p.forwardTrain().get(1);
        assertEquals(Shape.of(24), reshape.out().shape());
        assertEquals(p.slot(reshape.in()), p.slot(reshape.out()));
        Program input = IrPipeline.build(new TestModels.Chain("I", Shape.of(2, 3, 4)).flatten().linear(32).model());
        assertEquals(Buffer.Role.INPUT, ((Op.MatMul) input.forwardTrain().get(1)).in().role());
    }

    /** Storage is reused once a value is dead, and never while it may still be read. */
    @Test
    void slotsAreSharedOnlyByValuesThatAreNeverLiveTogether() {
        long slots = seed.slots().size();
        assertTrue(slots < seed.buffers().size(), slots + " slots for " + seed.buffers().size() + " values");
        List<Op> timeline = Stream.of(seed.forwardTrain(), seed.backward(), seed.update(), seed.forwardEval())
                .flatMap(List::stream).toList();
        for (int t = 0; t < timeline.size(); t++) {
            Op op = timeline.get(t);
            for (Buffer w : op.writes()) {
                if (w.role().inStateDict() || op instanceof Op.BiasAdd || op instanceof Op.Reshape) continue;
                for (Buffer live : liveAfter(timeline, t)) {
                    if (!live.name().equals(w.name()) && live.role() != Buffer.Role.INPUT) {
                        assertNotEquals(seed.slot(live), seed.slot(w), w + " overwrites " + live + " at " + op);
                    }
                }
            }
        }
    }

    /** Values read at or after {@code t} that were defined before it. */
    private static Set<Buffer> liveAfter(List<Op> timeline, int t) {
        Set<String> defined = timeline.subList(0, t).stream().flatMap(op -> op.writes().stream())
                .map(Buffer::name).collect(Collectors.toSet());
        return timeline.subList(t, timeline.size()).stream().flatMap(op -> op.reads().stream())
                .filter(b -> defined.contains(b.name()) && !b.role().inStateDict()).collect(Collectors.toSet());
    }

    @Test
    void printerShowsOneOpPerLineWithSymbolicBatch() {
        String text = IrPrinter.print(seed);
        assertTrue(text.contains("0.product[B,256] = matmul x[B,784], 0.weight[256,784]"), text);
        assertTrue(text.contains("3.out[B,256], 2.gate[B,256], 1.xhat[B,256], 1.invstd[256], 1.running_mean[256], "
                + "1.running_var[256], 1.num_batches_tracked[] = fused_batch_norm_relu_dropout 0.out[B,256], "
                + "1.weight[256], 1.bias[256] eps=1.0E-5 momentum=0.1 p=0.2"), text);
    }
}
