package mtc.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mtc.ir.Buffer.Role;

/**
 * Reverse-mode derivation: the forward ops are walked in reverse and each contributes the
 * gradient ops of its own derivative rule ({@link Op.Forward#derive}). A value read by several
 * ops gets one contribution from each, and its gradient is their sum ({@link Op.Add}), made when
 * the op that defined the value asks for it. Gradients are only computed for values that depend
 * on a parameter, so nothing is spent on the gradient of the input batch.
 */
public final class Autodiff implements Gradients {
    /** Values that depend on a parameter, by name. */
    private final Set<String> needsGradient = new HashSet<>();
    /** How many forward ops contribute to each value's gradient. */
    private final Map<String, Integer> uses = new HashMap<>();
    /** The contributions received so far, by the name of the value. */
    private final Map<String, List<Buffer>> contributions = new HashMap<>();
    /** Gradients already summed, by the name of the value. */
    private final Map<String, Buffer> summed = new HashMap<>();
    private final List<Op> backward = new ArrayList<>();

    private Autodiff() {}

    /** The backward pass of {@code forward}, ending with every parameter's gradient defined. */
    public static List<Op> backward(List<Op> forward) {
        Autodiff autodiff = new Autodiff();
        forward.forEach(autodiff::countUses);
        for (int i = forward.size() - 1; i >= 0; i--) {
            autodiff.backward.addAll(((Op.Forward) forward.get(i)).derive(autodiff));
        }
        forward.stream().flatMap(op -> op.reads().stream()).filter(b -> b.role() == Role.PARAMETER).distinct()
                .forEach(autodiff::of);
        return List.copyOf(autodiff.backward);
    }

    /** The name every gradient of {@code b} is known by once summed. */
    public static Buffer gradient(Buffer b) {
        return new Buffer(b.name() + ".grad", Role.GRADIENT, b.shape(), b.batched());
    }

    private void countUses(Op op) {
        if (op.reads().stream().anyMatch(this::needs)) {
            op.writes().stream().filter(b -> !b.role().inStateDict()).forEach(b -> needsGradient.add(b.name()));
        }
        op.reads().stream().distinct().filter(this::needs).forEach(b -> uses.merge(b.name(), 1, Integer::sum));
    }

    @Override
    public boolean needs(Buffer b) {
        return b.role() == Role.PARAMETER || needsGradient.contains(b.name());
    }

    @Override
    public Buffer of(Buffer b) {
        Buffer known = summed.get(b.name());
        if (known != null) return known;
        List<Buffer> parts = contributions.getOrDefault(b.name(), List.of());
        if (parts.isEmpty()) throw new IllegalStateException("no gradient reaches " + b.name());
        Buffer sum = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            Buffer next = i == parts.size() - 1 ? gradient(b) : part(b, "sum" + i);
            backward.add(new Op.Add(sum, parts.get(i), next, b.size()));
            sum = next;
        }
        summed.put(b.name(), sum);
        return sum;
    }

    @Override
    public Buffer contribution(Buffer b) {
        if (!needs(b)) return gradient(b);
        int count = uses.getOrDefault(b.name(), 0);
        List<Buffer> parts = contributions.computeIfAbsent(b.name(), k -> new ArrayList<>());
        Buffer value = count == 1 ? gradient(b) : part(b, String.valueOf(parts.size() + 1));
        parts.add(value);
        return value;
    }

    @Override
    public void pass(Buffer b, Buffer gradient) {
        contributions.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(gradient);
    }

    private static Buffer part(Buffer b, String suffix) {
        return new Buffer(b.name() + ".grad." + suffix, Role.GRADIENT, b.shape(), b.batched());
    }
}
