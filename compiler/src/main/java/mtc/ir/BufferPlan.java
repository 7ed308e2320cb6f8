package mtc.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Assigns every buffer a storage slot: state tensors first in state-dict order (so that state
 * tensor {@code i} is slot {@code i}), then the others in order of first use. One slot per name:
 * no sharing between buffers yet, which keeps every activation available for its gradient.
 */
public final class BufferPlan {
    private BufferPlan() {}

    public static Program plan(Lowered lowered, List<Op> backward, List<Op> update) {
        Map<String, Buffer> slots = new LinkedHashMap<>();
        lowered.state().forEach(b -> slots.put(b.name(), b));
        Stream.of(lowered.forwardTrain(), backward, lowered.forwardEval(), update)
                .flatMap(List::stream)
                .flatMap(op -> Stream.concat(op.reads().stream(), op.writes().stream()))
                .filter(b -> b.role() != Buffer.Role.INPUT)
                .forEach(b -> add(slots, b));
        return new Program(lowered.name(), lowered.input(), lowered.classes(), lowered.defaultLr(),
                new ArrayList<>(slots.values()), lowered.init(), lowered.forwardTrain(), lowered.forwardEval(),
                backward, update);
    }

    private static void add(Map<String, Buffer> slots, Buffer b) {
        Buffer known = slots.putIfAbsent(b.name(), b);
        if (known != null && (known.size() != b.size() || known.batched() != b.batched())) {
            throw new IllegalStateException("buffer " + b.name() + " used with two sizes");
        }
    }
}
