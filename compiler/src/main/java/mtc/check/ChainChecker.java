package mtc.check;

import java.util.ArrayList;
import java.util.List;
import mtc.diag.Span;
import mtc.syntax.Call;
import mtc.syntax.Statement;

/** Walks the chain layer by layer, carrying the shape from each layer to the next. */
final class ChainChecker {
    private final LayerRules rules;

    ChainChecker(LayerRules rules) {
        this.rules = rules;
    }

    /**
     * The checked chain. {@code layers} is null when any layer has an error; {@code input} is the
     * declared or inferred input shape (null when neither); {@code out} is what the last layer gives,
     * and {@code last} where that layer is named.
     */
    record Result(Shape input, List<Layer> layers, Flow out, Span last) {}

    Result check(Statement.Chain chain, Shape declaredInput, Flow in) {
        List<Layer> layers = new ArrayList<>();
        Shape input = declaredInput;
        boolean failed = false;
        Flow flow = in;
        List<Call> calls = chain.layers();
        for (int index = 0; index < calls.size(); index++) {
            Step step = rules.check(calls.get(index), index, flow);
            if (step.inferredInput() != null) input = step.inferredInput();
            if (step.layer() == null) failed = true;
            else layers.add(step.layer());
            // Layers that keep the image size pass the trail of sizes on; image layers extend it.
            flow = step.out().trail() == null && flow.isKnown() && step.out().isKnown()
                    && step.out().shape().rank() == 3 ? step.out().withTrail(flow.trail()) : step.out();
        }
        Span last = calls.get(calls.size() - 1).name().span();
        return new Result(input, failed ? null : layers, flow, last);
    }
}
