package mtc.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mtc.ir.Buffer.Role;

/**
 * Derives the backward pass from the forward ops: the forward ops are walked in reverse and
 * each contributes the gradient ops declared for its type in {@link #gradientOf}, the one
 * place that knows how each op differentiates. Gradients are only computed for buffers that
 * depend on a parameter, so nothing is spent on the gradient of the input batch.
 *
 * <p>Every gradient op overwrites its output, which is correct because in a chain each buffer
 * is read by exactly one later op.
 */
public final class Autodiff {
    private final Set<String> needsGradient = new HashSet<>();

    private Autodiff() {}

    public static List<Op> backward(List<Op> forward) {
        Autodiff autodiff = new Autodiff();
        forward.forEach(autodiff::propagateNeed);
        List<Op> backward = new ArrayList<>();
        for (int i = forward.size() - 1; i >= 0; i--) backward.addAll(autodiff.gradientOf(forward.get(i)));
        return backward;
    }

    /** The buffer holding the loss's gradient with respect to {@code b} (same shape and storage order). */
    public static Buffer gradient(Buffer b) {
        return new Buffer(b.name() + ".grad", Role.GRADIENT, b.shape(), b.batched(), b.transposed());
    }

    private void propagateNeed(Op op) {
        boolean needed = op.reads().stream().anyMatch(this::needs);
        if (needed) op.writes().forEach(b -> needsGradient.add(b.name()));
    }

    private boolean needs(Buffer b) {
        return b.role() == Role.PARAMETER || needsGradient.contains(b.name());
    }

    private List<Op> gradientOf(Op op) {
        if (op instanceof Op.SoftmaxCrossEntropy loss) return softmaxCrossEntropy(loss);
        if (op instanceof Op.BiasAdd add) return biasAdd(add);
        if (op instanceof Op.MatMul matMul) return matMul(matMul);
        if (op instanceof Op.BatchNormTrain norm) return batchNorm(norm);
        if (op instanceof Op.Relu relu) return relu(relu);
        if (op instanceof Op.DropoutTrain dropout) return dropout(dropout);
        throw new IllegalArgumentException("no gradient for " + op.getClass().getSimpleName());
    }

    private List<Op> softmaxCrossEntropy(Op.SoftmaxCrossEntropy op) {
        if (!needs(op.logits())) return List.of();
        return List.of(new Op.SoftmaxCrossEntropyGrad(op.probs(), gradient(op.logits()), op.classes()));
    }

    /** In place, so the output's gradient is also the input's: only the bias gradient is new. */
    private List<Op> biasAdd(Op.BiasAdd op) {
        return List.of(new Op.BiasGrad(gradient(op.out()), gradient(op.bias()), op.features()));
    }

    /** The input gradient first: it reads the weight, which the weight's update may then change in place. */
    private List<Op> matMul(Op.MatMul op) {
        Buffer dOut = gradient(op.out());
        List<Op> ops = new ArrayList<>();
        if (needs(op.in())) {
            ops.add(new Op.MatMulGradInput(dOut, op.weight(), gradient(op.in()), op.inFeatures(), op.outFeatures()));
        }
        ops.add(new Op.MatMulGradWeight(dOut, op.in(), gradient(op.weight()), op.inFeatures(), op.outFeatures(),
                op.skipZeros()));
        return ops;
    }

    /** The input gradient comes with the parameter gradients in one pass, so it is computed even when unused. */
    private List<Op> batchNorm(Op.BatchNormTrain op) {
        Op.BatchNormState s = op.state();
        return List.of(new Op.BatchNormGrad(gradient(op.out()), op.saved(), s.gamma(), gradient(op.in()),
                gradient(s.gamma()), gradient(s.beta()), op.channels(), op.spatial()));
    }

    private List<Op> relu(Op.Relu op) {
        if (!needs(op.in())) return List.of();
        return List.of(new Op.ReluGrad(gradient(op.out()), op.out(), gradient(op.in()), op.width()));
    }

    private List<Op> dropout(Op.DropoutTrain op) {
        if (!needs(op.in())) return List.of();
        return List.of(new Op.DropoutGrad(gradient(op.out()), op.mask(), gradient(op.in()), op.width()));
    }
}
