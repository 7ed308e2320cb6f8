package mtc.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges each weight gradient's product with the weight's update ({@link Op.FusedMatMulGradWeightUpdate}),
 * so that the gradient of a linear layer's weight, the largest tensor of a step, is neither stored
 * nor read back: the backward pass updates the weight tile by tile as the product yields it. The
 * numbers are those of the separate ops. A product is fused only when nothing after it in the
 * backward pass reads its weight or its gradient; {@link Autodiff} orders each layer's input
 * gradient (which reads the weight) before its weight gradient so that this holds.
 */
public final class UpdateFusion {
    /** The backward and update passes after fusion. */
    public record Passes(List<Op> backward, List<Op> update) {
        public Passes {
            backward = List.copyOf(backward);
            update = List.copyOf(update);
        }
    }

    private UpdateFusion() {}

    public static Passes fuse(List<Op> backward, List<Op> update) {
        List<Op> fusedBackward = new ArrayList<>(backward);
        List<Op> fusedUpdate = new ArrayList<>(update);
        for (int i = 0; i < fusedBackward.size(); i++) {
            if (!(fusedBackward.get(i) instanceof Op.MatMulGradWeight g)) continue;
            Op.OptimizerUpdate step = stepOf(fusedUpdate, g.dWeight());
            if (step == null || readLater(fusedBackward, i, step.param(), g.dWeight())) continue;
            fusedBackward.set(i, fused(g, step));
            fusedUpdate.remove(step);
        }
        return new Passes(fusedBackward, fusedUpdate);
    }

    /** The product and its update as one op. */
    private static Op fused(Op.MatMulGradWeight g, Op.OptimizerUpdate u) {
        return new Op.FusedMatMulGradWeightUpdate(g.dOut(), g.in(), u.param(), u.moment1(), u.moment2(),
                g.inFeatures(), g.outFeatures());
    }

    /** The optimizer's update that is the only other reader of {@code gradient}, if there is one. */
    private static Op.OptimizerUpdate stepOf(List<Op> update, Buffer gradient) {
        List<Op> readers = update.stream().filter(op -> reads(op, gradient)).toList();
        return readers.size() == 1 && readers.get(0) instanceof Op.OptimizerUpdate u ? u : null;
    }

    private static boolean readLater(List<Op> backward, int i, Buffer weight, Buffer gradient) {
        return backward.subList(i + 1, backward.size()).stream()
                .anyMatch(op -> reads(op, weight) || reads(op, gradient));
    }

    private static boolean reads(Op op, Buffer b) {
        return op.reads().stream().anyMatch(r -> r.name().equals(b.name()));
    }
}
