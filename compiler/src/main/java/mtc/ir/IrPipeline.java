package mtc.ir;

import java.util.List;
import mtc.check.CheckedModel;

/**
 * The IR phases, in order: lower, derive backward, add the optimizer's updates, fuse element-wise
 * ops, fuse weight gradients with their updates, plan buffers.
 */
public final class IrPipeline {
    private IrPipeline() {}

    public static Program build(CheckedModel model) {
        Lowered lowered = Lowering.lower(model);
        List<Op> backward = Autodiff.backward(lowered.forwardTrain());
        List<Op> update = SgdUpdates.of(lowered.state());
        Fusion.Passes fused = Fusion.fuse(lowered.forwardTrain(), backward);
        UpdateFusion.Passes updates = UpdateFusion.fuse(fused.backward(), update);
        return BufferPlan.plan(lowered.withForwardTrain(fused.forward()), updates.backward(), updates.update());
    }
}
