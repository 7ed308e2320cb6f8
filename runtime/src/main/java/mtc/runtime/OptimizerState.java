package mtc.runtime;

import java.util.List;
import mtc.kernels.OptimizerStep;
import mtc.optim.OptimizerSpec;

/**
 * A network's optimizer as it stands: its settings and steps taken, and its state tensors, live
 * (writing into {@code stored} changes the network's state). Each tensor is named after its
 * parameter and PyTorch's optimizer state key ({@code 0.weight.momentum_buffer},
 * {@code 0.weight.exp_avg}, {@code 0.weight.exp_avg_sq}) and stored as its parameter is.
 */
public record OptimizerState(OptimizerStep step, List<Tensor> tensors) {
    public OptimizerState {
        tensors = List.copyOf(tensors);
    }

    /** One state tensor: its name, the parameter it belongs to (whose layout it shares) and its data. */
    public record Tensor(String name, TensorSpec param, float[] stored) {
        /** This tensor as the state dict lays out its parameter. */
        public TensorSpec spec() {
            return new TensorSpec(name, DType.F32, param.shape(), param.transposed());
        }
    }

    /** PyTorch's key of state tensor {@code k} (1 or 2) of {@code spec}'s kind. */
    static String stateName(OptimizerSpec spec, int k) {
        if (spec.kind() == OptimizerSpec.Kind.SGD) return "momentum_buffer";
        return k == 1 ? "exp_avg" : "exp_avg_sq";
    }
}
