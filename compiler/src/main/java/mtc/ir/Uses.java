package mtc.ir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many ops of a pass read each value: what fusion asks before it hides a value inside a fused op. */
final class Uses {
    private final Map<String, Integer> readers = new HashMap<>();

    private Uses(List<Op> ops) {
        for (Op op : ops) op.reads().stream().distinct().forEach(b -> readers.merge(b.name(), 1, Integer::sum));
    }

    static Uses of(List<Op> ops) {
        return new Uses(ops);
    }

    int count(Buffer b) {
        return readers.getOrDefault(b.name(), 0);
    }

    /** The one op of {@code ops} that reads {@code b}, or null when none or several do. */
    static Op onlyReader(List<Op> ops, Buffer b) {
        Op found = null;
        for (Op op : ops) {
            if (op.reads().stream().noneMatch(r -> r.name().equals(b.name()))) continue;
            if (found != null) return null;
            found = op;
        }
        return found;
    }
}
