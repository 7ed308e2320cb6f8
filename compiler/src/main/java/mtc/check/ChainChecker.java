package mtc.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import mtc.diag.Span;
import mtc.syntax.Call;
import mtc.syntax.Element;
import mtc.syntax.Name;
import mtc.syntax.Statement;

/**
 * Walks the chain element by element, carrying the shape from each layer to the next. A block's
 * use is spliced in: its body is checked in place, with its parameters as constants, and what it
 * reports names the use in a note. A residual connection checks its body and its shortcut from the
 * same input, and their shapes must agree. Nesting is bounded ({@link #MAX_DEPTH}), so the check's
 * own recursion is too.
 */
final class ChainChecker {
    /** The deepest nesting of residual connections and block uses. */
    static final int MAX_DEPTH = 32;

    private final Constants constants;
    private final Reporter reporter;
    private final Map<String, Statement.Block> blocks;
    private Shape input;
    private boolean failed;

    ChainChecker(Constants constants, Reporter reporter, Map<String, Statement.Block> blocks) {
        this.constants = constants;
        this.reporter = reporter;
        this.blocks = blocks;
    }

    /**
     * The checked chain. {@code layers} is null when any layer has an error; {@code input} is the
     * declared or inferred input shape (null when neither); {@code out} is what the last layer gives,
     * and {@code last} where that layer is named.
     */
    record Result(Shape input, List<Layer> layers, Flow out, Span last) {}

    Result check(Statement.Chain chain, Shape declaredInput, Flow in) {
        input = declaredInput;
        Sequence top = new Sequence("");
        Flow out = walk(chain, top, in, new Scope(constants, 0, List.of()));
        Span last = chain.layers().get(chain.layers().size() - 1).span();
        return new Result(input, failed ? null : top.layers, out, last);
    }

    /** One {@code nn.Sequential} being filled: the prefix of its layers' paths and the layers so far. */
    private static final class Sequence {
        final String prefix;
        final List<Layer> layers = new ArrayList<>();

        Sequence(String prefix) {
            this.prefix = prefix;
        }

        String nextPath() {
            return prefix + layers.size();
        }
    }

    /** The constants in force (a block's parameters included), the nesting depth, the blocks being expanded. */
    private record Scope(Constants constants, int depth, List<String> expanding) {
        LayerRules rules(Reporter reporter) {
            return new LayerRules(new ArgumentBinder(constants, reporter), reporter);
        }

        Scope deeper(Constants inner, String block) {
            List<String> names = new ArrayList<>(expanding);
            if (block != null) names.add(block);
            return new Scope(inner, depth + 1, names);
        }
    }

    private Flow walk(Statement.Chain chain, Sequence seq, Flow flow, Scope scope) {
        LayerRules rules = scope.rules(reporter);
        for (Element element : chain.layers()) {
            if (element instanceof Element.Residual residual) {
                flow = residual(residual, seq, flow, scope);
            } else if (isBlockUse((Call) element)) {
                flow = expand((Call) element, seq, flow, scope);
            } else {
                flow = layer(rules, (Call) element, seq, flow);
            }
        }
        return flow;
    }

    private boolean isBlockUse(Call call) {
        return blocks.containsKey(call.name().text()) && !LayerRules.isLayer(call.name().text());
    }

    private Flow layer(LayerRules rules, Call call, Sequence seq, Flow flow) {
        String path = seq.nextPath();
        Step step = rules.check(call, path, flow, blocks.keySet());
        if (step.inferredInput() != null) input = step.inferredInput();
        if (step.layer() == null) {
            failed = true;
            seq.layers.add(null); // keeps the following layers' indices
        } else {
            seq.layers.add(step.layer());
        }
        return carryTrail(flow, step.out());
    }

    /** Layers that keep the image size pass the trail of sizes on; image layers extend it. */
    private static Flow carryTrail(Flow in, Flow out) {
        boolean image = in.isKnown() && out.isKnown() && out.shape().rank() == 3;
        return out.trail() == null && image ? out.withTrail(in.trail()) : out;
    }

    private Flow expand(Call call, Sequence seq, Flow flow, Scope scope) {
        String name = call.name().text();
        if (!withinDepth(call.name().span(), scope)) return Flow.UNKNOWN;
        if (scope.expanding().contains(name)) {
            List<String> cycle = new ArrayList<>(scope.expanding().subList(scope.expanding().indexOf(name),
                    scope.expanding().size()));
            cycle.add(name);
            reporter.report(BlockProblems.recursive(call.name(), cycle));
            failed = true;
            return Flow.UNKNOWN;
        }
        Statement.Block block = blocks.get(name);
        BoundArguments args = new ArgumentBinder(scope.constants(), reporter).bind(call, BlockProblems.signature(block));
        Map<String, Optional<Num>> parameters = block.parameters().stream()
                .collect(Collectors.toMap(Name::text, p -> args.get(p.text()), (a, b) -> a));
        Scope inner = scope.deeper(constants.withParameters(parameters), name);
        String note = "in " + use(block, args) + ", used at " + call.name().span();
        Flow[] out = {Flow.UNKNOWN};
        reporter.within(note, () -> out[0] = walk(block.body(), seq, flow, inner));
        return out[0];
    }

    /** {@code basic(16)}: the use as its arguments resolved. */
    private static String use(Statement.Block block, BoundArguments args) {
        return block.name().text() + "(" + block.parameters().stream()
                .map(p -> args.get(p.text()).map(Num::value).orElse("?"))
                .collect(Collectors.joining(", ")) + ")";
    }

    private Flow residual(Element.Residual residual, Sequence seq, Flow flow, Scope scope) {
        String path = seq.nextPath();
        if (!withinDepth(residual.span(), scope)) {
            seq.layers.add(null);
            return Flow.UNKNOWN;
        }
        residual.label().filter(l -> !l.text().equals("shortcut"))
                .ifPresent(l -> reporter.report(BlockProblems.notShortcut(l)));
        Sequence body = new Sequence(path + ".body.");
        Flow bodyOut = walk(residual.body(), body, flow, scope.deeper(scope.constants(), null));
        Sequence shortcut = new Sequence(path + ".shortcut.");
        Flow shortcutOut = residual.shortcut().isPresent()
                ? walk(residual.shortcut().get(), shortcut, flow, scope.deeper(scope.constants(), null)) : flow;
        if (!bodyOut.isKnown() || !shortcutOut.isKnown() || body.layers.contains(null)
                || shortcut.layers.contains(null)) {
            seq.layers.add(null);
            failed = true;
            return Flow.UNKNOWN;
        }
        if (!bodyOut.shape().equals(shortcutOut.shape())) {
            reporter.report(BlockProblems.sidesDiffer(residual, bodyOut, shortcutOut, flow));
            seq.layers.add(null);
            failed = true;
            return Flow.UNKNOWN;
        }
        Layer layer = new Layer.Residual(path, residual.span(), flow.shape(), bodyOut.shape(), body.layers,
                shortcut.layers);
        seq.layers.add(layer);
        return Flow.from(layer).withTrail(bodyOut.trail());
    }

    private boolean withinDepth(Span at, Scope scope) {
        if (scope.depth() < MAX_DEPTH) return true;
        reporter.report(BlockProblems.tooDeep(at, MAX_DEPTH));
        failed = true;
        return false;
    }
}
