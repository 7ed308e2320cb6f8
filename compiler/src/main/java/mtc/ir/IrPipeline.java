package mtc.ir;

import java.util.List;
import mtc.check.CheckedModel;

/**
 * The IR phases, in order: lower, fuse the forward pass, derive the backward pass, fuse it, add
 * the optimizer's updates and fuse weight gradients with them, plan storage. Tests run the same
 * pipeline, with fusion off where they compare against it.
 */
public final class IrPipeline {
    private IrPipeline() {}

    public static Program build(CheckedModel model) {
        return build(Lowering.lower(model), true);
    }

    /** The pipeline from forward IR on; without {@code fuse}, every op stays separate and every gradient stored. */
    public static Program build(Lowered lowered, boolean fuse) {
        List<Op> forward = fuse ? Fusion.forward(lowered.forwardTrain()) : lowered.forwardTrain();
        List<Op> eval = fuse ? Fusion.evaluation(lowered.forwardEval()) : lowered.forwardEval();
        List<Op> backward = Autodiff.backward(forward);
        List<Op> update = OptimizerUpdates.of(lowered.state());
        if (fuse) {
            UpdateFusion.Passes fused = UpdateFusion.fuse(Fusion.backward(backward), update);
            backward = fused.backward();
            update = fused.update();
        }
        return BufferPlan.plan(lowered.withForward(forward, eval), backward, update);
    }
}
