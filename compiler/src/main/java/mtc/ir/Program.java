package mtc.ir;

import java.util.List;
import mtc.check.Shape;

/**
 * A whole model in IR, ready for code generation: every buffer with its storage slot (its index
 * in {@code buffers}; state tensors first, in state-dict order) and the op sequences of each
 * phase of a network.
 */
public record Program(String name, Shape input, int classes, double defaultLr, List<Buffer> buffers,
                      List<Op> init, List<Op> forwardTrain, List<Op> forwardEval, List<Op> backward,
                      List<Op> update) {
    public Program {
        buffers = List.copyOf(buffers);
        init = List.copyOf(init);
        forwardTrain = List.copyOf(forwardTrain);
        forwardEval = List.copyOf(forwardEval);
        backward = List.copyOf(backward);
        update = List.copyOf(update);
    }

    public List<Buffer> stateDict() {
        return buffers.stream().filter(b -> b.role().inStateDict()).toList();
    }
}
