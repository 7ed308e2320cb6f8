package mtc.ir;

import java.util.List;
import java.util.Map;
import mtc.check.Shape;

/**
 * A whole model in IR, ready for code generation: every value, the storage slot each value lives
 * in (state tensors first, in state-dict order, so that state tensor {@code i} is slot {@code i};
 * other slots are shared by values whose lifetimes do not overlap), and the op sequences of each
 * phase of a network.
 */
public record Program(String name, Shape input, int classes, double defaultLr, List<Buffer> buffers,
                      List<Slot> slots, Map<String, Integer> slotOf, List<Op> init, List<Op> forwardTrain,
                      List<Op> forwardEval, List<Op> backward, List<Op> update) {
    public Program {
        buffers = List.copyOf(buffers);
        slots = List.copyOf(slots);
        slotOf = Map.copyOf(slotOf);
        init = List.copyOf(init);
        forwardTrain = List.copyOf(forwardTrain);
        forwardEval = List.copyOf(forwardEval);
        backward = List.copyOf(backward);
        update = List.copyOf(update);
    }

    /**
     * One array of the running network. {@code size} is per sample when batched; {@code values}
     * names what it holds in turn (one name for a state tensor); {@code usedInEval} when
     * evaluation reads or writes it.
     */
    public record Slot(List<String> values, int size, boolean batched, boolean usedInEval) {
        public Slot {
            values = List.copyOf(values);
        }
    }

    public List<Buffer> stateDict() {
        return buffers.stream().filter(b -> b.role().inStateDict()).toList();
    }

    /** The slot of {@code b}; IllegalArgumentException for the input batch, which has none. */
    public int slot(Buffer b) {
        Integer slot = slotOf.get(b.name());
        if (slot == null) throw new IllegalArgumentException("value " + b.name() + " has no slot");
        return slot;
    }
}
