package mtc.ir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mtc.ir.Buffer.Role;

/**
 * Assigns every value a storage slot. State tensors come first, in state-dict order. Other values
 * share slots when their lifetimes do not overlap, on one timeline: a training step (forward,
 * backward, update) and then an evaluation pass, which never run interleaved. Two kinds of value
 * share a slot while both are live, because the kernels allow it: a view ({@link Op.Reshape}) and
 * what it views, and a bias sum ({@link Op.BiasAdd}) and its input when nothing reads that input
 * afterwards (the kernel adds in place). Parameter gradients stay live to the end, so that a caller
 * can read them after a step. The optimizer's state tensors follow the state dict's, each in a slot
 * of its own, as they carry over from step to step. No kernel reads an output before writing it, so sharing never
 * changes a number.
 */
public final class BufferPlan {
    private final Map<String, Buffer> values = new LinkedHashMap<>();
    private final Map<String, Integer> first = new HashMap<>();
    private final Map<String, Integer> last = new HashMap<>();
    /** Alias groups: each value's representative (union-find parent). */
    private final Map<String, String> parent = new HashMap<>();
    private final List<Op> timeline = new ArrayList<>();
    private int evalStart;

    private BufferPlan() {}

    public static Program plan(Lowered lowered, List<Op> backward, List<Op> update) {
        BufferPlan plan = new BufferPlan();
        plan.timeline.addAll(lowered.forwardTrain());
        plan.timeline.addAll(backward);
        plan.timeline.addAll(update);
        plan.evalStart = plan.timeline.size();
        plan.timeline.addAll(lowered.forwardEval());
        lowered.state().forEach(b -> plan.values.put(b.name(), b));
        plan.lifetimes();
        plan.aliases();
        return plan.assign(lowered, backward, update);
    }

    private void lifetimes() {
        for (int t = 0; t < timeline.size(); t++) {
            Op op = timeline.get(t);
            for (Buffer b : Stream.concat(op.reads().stream(), op.writes().stream()).toList()) {
                if (b.role() == Role.INPUT) continue;
                Buffer known = values.putIfAbsent(b.name(), b);
                if (known != null && (known.size() != b.size() || known.batched() != b.batched())) {
                    throw new IllegalStateException("value " + b.name() + " used with two sizes");
                }
                first.putIfAbsent(b.name(), t);
                last.put(b.name(), t);
                parent.putIfAbsent(b.name(), b.name());
            }
        }
        int end = timeline.size();
        values.values().stream().filter(BufferPlan::isParameterGradient).forEach(b -> last.put(b.name(), end));
    }

    private static boolean isParameterGradient(Buffer b) {
        return b.role() == Role.GRADIENT && !b.batched();
    }

    /** Views first (their groups' lifetimes decide whether a bias sum may work in place), then bias sums. */
    private void aliases() {
        for (Op op : timeline) {
            if (op instanceof Op.Reshape r && r.in().role() != Role.INPUT) union(r.in(), r.out());
        }
        for (int t = 0; t < timeline.size(); t++) {
            if (timeline.get(t) instanceof Op.BiasAdd add && add.in().role() == Role.ACTIVATION
                    && groupLast(add.in()) == t) {
                union(add.in(), add.out());
            }
        }
    }

    private int groupLast(Buffer b) {
        String root = find(b.name());
        return last.entrySet().stream().filter(e -> find(e.getKey()).equals(root))
                .mapToInt(Map.Entry::getValue).max().orElseThrow();
    }

    private String find(String name) {
        String p = parent.get(name);
        if (p.equals(name)) return name;
        String root = find(p);
        parent.put(name, root);
        return root;
    }

    private void union(Buffer a, Buffer b) {
        parent.put(find(b.name()), find(a.name()));
    }

    private Program assign(Lowered lowered, List<Op> backward, List<Op> update) {
        List<Program.Slot> slots = new ArrayList<>();
        Map<String, Integer> slotOf = new HashMap<>();
        for (Buffer b : lowered.state()) {
            slotOf.put(b.name(), slots.size());
            slots.add(new Program.Slot(List.of(b.name()), b.size(), false, true));
        }
        for (Buffer b : values.values()) {
            if (b.role() != Role.OPTIMIZER_STATE) continue;
            slotOf.put(b.name(), slots.size());
            slots.add(new Program.Slot(List.of(b.name()), b.size(), false, false));
        }
        List<Group> groups = groups(lowered);
        groups.sort(Comparator.comparingInt(Group::start));
        List<Integer> busyUntil = new ArrayList<>();
        for (Group g : groups) {
            int slot = freeSlot(g, slots, busyUntil);
            if (slot < 0) {
                slot = slots.size();
                slots.add(new Program.Slot(List.of(), 0, g.batched, false));
            }
            while (busyUntil.size() <= slot) busyUntil.add(-1);
            busyUntil.set(slot, g.end);
            Program.Slot s = slots.get(slot);
            List<String> names = new ArrayList<>(s.values());
            g.members.forEach(b -> names.add(b.name()));
            slots.set(slot, new Program.Slot(names, Math.max(s.size(), g.size()), g.batched,
                    s.usedInEval() || g.end >= evalStart));
            for (Buffer b : g.members) slotOf.put(b.name(), slot);
        }
        return new Program(lowered.name(), lowered.input(), lowered.classes(), lowered.defaultLr(),
                new ArrayList<>(values.values()), slots, slotOf, lowered.init(), lowered.forwardTrain(),
                lowered.forwardEval(), backward, update);
    }

    /** A set of values stored together, live from the first one's definition to the last use of any. */
    private record Group(List<Buffer> members, int start, int end, boolean batched) {
        int size() { return members.stream().mapToInt(Buffer::size).max().orElse(0); }
    }

    private List<Group> groups(Lowered lowered) {
        Map<String, List<Buffer>> members = new LinkedHashMap<>();
        for (Buffer b : values.values()) {
            if (b.role().inStateDict() || b.role() == Role.OPTIMIZER_STATE) continue;
            members.computeIfAbsent(find(b.name()), k -> new ArrayList<>()).add(b);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Buffer> m : members.values()) {
            int start = m.stream().mapToInt(b -> first.get(b.name())).min().orElseThrow();
            int end = m.stream().mapToInt(b -> last.get(b.name())).max().orElseThrow();
            groups.add(new Group(m, start, end, m.get(0).batched()));
        }
        return groups;
    }

    /** The free slot of the same kind that fits best: the smallest that is large enough, else the largest. */
    private int freeSlot(Group g, List<Program.Slot> slots, List<Integer> busyUntil) {
        int best = -1;
        for (int i = 0; i < busyUntil.size(); i++) {
            Program.Slot s = slots.get(i);
            if (busyUntil.get(i) < 0 || busyUntil.get(i) >= g.start || s.batched() != g.batched) continue;
            if (best < 0 || better(s.size(), slots.get(best).size(), g.size())) best = i;
        }
        return best;
    }

    private static boolean better(int candidate, int current, int needed) {
        boolean fits = candidate >= needed, currentFits = current >= needed;
        if (fits != currentFits) return fits;
        return fits ? candidate < current : candidate > current;
    }
}
