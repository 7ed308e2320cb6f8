package mtc.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges adjacent element-wise ops of the training passes into fused ops, after {@link Autodiff}
 * has derived the backward pass op by op, so that each value is read and written once per pass
 * instead of once per op. Two patterns:
 * <ul>
 *   <li>training batch norm over feature rows, then relu, then (optionally) dropout becomes one
 *       {@link Op.FusedBatchNormReluDropout}; their gradient ops become one
 *       {@link Op.FusedBatchNormReluDropoutGrad}, which also takes over the bias gradient of the
 *       linear layer before the norm;</li>
 *   <li>softmax cross-entropy and its gradient become one {@link Op.FusedSoftmaxCrossEntropy} in the
 *       forward pass.</li>
 * </ul>
 * Fused ops compute the same numbers as the ops they replace; the intermediate buffers (the
 * norm's and relu's outputs, the probabilities and their gradients) disappear from training.
 */
public final class Fusion {
    /** The training passes after fusion. */
    public record Passes(List<Op> forward, List<Op> backward) {
        public Passes {
            forward = List.copyOf(forward);
            backward = List.copyOf(backward);
        }
    }

    /** Fused norm groups by the gradient name of the norm's output, which their backward ops are found by. */
    private final Map<String, Op.FusedBatchNormReluDropout> groups = new HashMap<>();
    /** Gradient buffers of intermediate values: the element-wise gradient ops writing them are absorbed. */
    private final Set<String> absorbed = new HashSet<>();
    private final List<Op> backward;

    private Fusion(List<Op> backward) {
        this.backward = backward;
    }

    public static Passes fuse(List<Op> forward, List<Op> backward) {
        Fusion fusion = new Fusion(backward);
        List<Op> fusedForward = fusion.forward(forward);
        List<Op> fusedBackward = fusion.backward();
        return new Passes(fusedForward, fusedBackward);
    }

    private List<Op> forward(List<Op> ops) {
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            Op.Relu relu = i + 1 < ops.size() && ops.get(i + 1) instanceof Op.Relu r ? r : null;
            if (op instanceof Op.BatchNormTrain norm && norm.spatial() == 1 && relu != null
                    && reads(relu, norm.out())) {
                Op.DropoutTrain dropout = i + 2 < ops.size() && ops.get(i + 2) instanceof Op.DropoutTrain d
                        && reads(d, relu.out()) ? d : null;
                out.add(normGroup(norm, relu, dropout));
                i += dropout == null ? 1 : 2;
            } else if (op instanceof Op.SoftmaxCrossEntropy loss && lossGradient(loss) != null) {
                out.add(new Op.FusedSoftmaxCrossEntropy(loss.logits(), lossGradient(loss).dLogits(), loss.classes()));
                absorbed.add(lossGradient(loss).dLogits().name());
            } else {
                out.add(op);
            }
        }
        return out;
    }

    private static boolean reads(Op op, Buffer b) {
        return op.reads().get(0).name().equals(b.name());
    }

    private Op.FusedBatchNormReluDropout normGroup(Op.BatchNormTrain norm, Op.Relu relu, Op.DropoutTrain dropout) {
        Buffer out = dropout == null ? relu.out() : dropout.out();
        Buffer gate = Buffer.batched(relu.out().name().replace(".out", ".gate"), Buffer.Role.SAVED, out.shape());
        Op.FusedBatchNormReluDropout fused = new Op.FusedBatchNormReluDropout(norm, out, gate,
                dropout == null ? 0f : dropout.p());
        groups.put(Autodiff.gradient(norm.out()).name(), fused);
        absorbed.add(Autodiff.gradient(norm.out()).name());
        if (dropout != null) absorbed.add(Autodiff.gradient(relu.out()).name());
        return fused;
    }

    private Op.SoftmaxCrossEntropyGrad lossGradient(Op.SoftmaxCrossEntropy loss) {
        return backward.stream()
                .filter(op -> op instanceof Op.SoftmaxCrossEntropyGrad g
                        && g.probs().name().equals(loss.probs().name()))
                .map(Op.SoftmaxCrossEntropyGrad.class::cast)
                .findFirst().orElse(null);
    }

    private List<Op> backward() {
        List<Op> out = new ArrayList<>();
        int consumed = 0;
        for (int i = 0; i < backward.size(); i++) {
            Op op = backward.get(i);
            if (isAbsorbed(op)) continue;
            Op.FusedBatchNormReluDropout group = op instanceof Op.BatchNormGrad g ? groups.get(g.dOut().name()) : null;
            if (group == null) {
                out.add(op);
                continue;
            }
            Op.BatchNormGrad norm = (Op.BatchNormGrad) op;
            Op.BiasGrad bias = i + 1 < backward.size() && backward.get(i + 1) instanceof Op.BiasGrad b
                    && b.dOut().name().equals(norm.dIn().name()) ? b : null;
            out.add(new Op.FusedBatchNormReluDropoutGrad(Autodiff.gradient(group.out()), group.gate(), norm,
                    bias == null ? null : bias.dBias()));
            if (bias != null) i++;
            consumed++;
        }
        if (consumed != groups.size()) throw new IllegalStateException("a fused norm has no gradient op");
        return out;
    }

    /** The separate relu, dropout and loss gradient ops that the fused ops now compute. */
    private boolean isAbsorbed(Op op) {
        if (op instanceof Op.ReluGrad g) return absorbed.contains(g.dIn().name());
        if (op instanceof Op.DropoutGrad g) return absorbed.contains(g.dIn().name());
        if (op instanceof Op.SoftmaxCrossEntropyGrad g) return absorbed.contains(g.dLogits().name());
        return false;
    }
}
