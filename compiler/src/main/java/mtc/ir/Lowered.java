package mtc.ir;

import java.util.List;
import mtc.check.Shape;

/**
 * The forward half of a program, as lowering produces it: what {@link Autodiff} and
 * {@link BufferPlan} work from.
 *
 * @param state state-dict tensors in PyTorch order
 */
public record Lowered(String name, Shape input, int classes, double defaultLr, List<Buffer> state,
                      List<Op> init, List<Op> forwardTrain, List<Op> forwardEval) {
    public Lowered {
        state = List.copyOf(state);
        init = List.copyOf(init);
        forwardTrain = List.copyOf(forwardTrain);
        forwardEval = List.copyOf(forwardEval);
    }

    /** The same program with other forward passes (what {@link Fusion} produces). */
    public Lowered withForward(List<Op> train, List<Op> eval) {
        return new Lowered(name, input, classes, defaultLr, state, init, train, eval);
    }
}
