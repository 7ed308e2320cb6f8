package mtc.check;

import static mtc.check.Signature.integer;

import java.util.List;
import java.util.Optional;
import mtc.diag.Span;
import mtc.syntax.Call;

/** {@code linear(in, out)} or {@code linear(out)}: PyTorch's {@code nn.Linear} on a vector. */
final class LinearRule implements LayerRule {
    private static final String HELP = "write linear(10) to infer the input size, or linear(784, 10)";
    private static final Signature BOTH = new Signature("linear", List.of(
            integer("in", false, "the number of input features"),
            integer("out", true, "the number of output features")), HELP);
    /** {@code linear(10)}: a single positional argument is the output size. */
    private static final Signature OUT_ONLY = new Signature("linear", List.of(
            integer("out", true, "the number of output features"),
            integer("in", false, "the number of input features")), HELP);

    @Override
    public String name() { return "linear"; }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        BoundArguments args = c.bind(call, signature(call));
        Optional<Num> inFeatures = args.get("in").filter(n -> c.positive("in", n));
        Optional<Num> out = args.get("out").filter(n -> c.positive("out", n));
        String outText = out.map(Num::written).orElse("out");
        Span span = call.name().span();
        Flow next = out.map(o -> Flow.of(Shape.of(o.intValue()), LayerCheck.produces("linear", span)))
                .orElse(Flow.UNKNOWN);
        Shape inferred = null;
        if (in.inputUndeclared()) {
            if (inFeatures.isPresent()) inferred = Shape.of(inFeatures.get().intValue());
            else if (!args.given("in")) {
                c.reportUnlessStatementsMissing(Problems.cannotInferInputSize(call.name(), outText));
            }
            in = inferred == null ? Flow.UNKNOWN : Flow.of(inferred, "the input is");
        }
        boolean inWrong = args.given("in") && inFeatures.isEmpty();
        if (!in.isKnown() || inWrong || !fits(c, call, in, inFeatures, outText)) {
            return new Step(null, next, inferred);
        }
        if (out.isEmpty()) return new Step(null, next, inferred);
        int inSize = in.shape().dim(0);
        int outSize = out.get().intValue();
        if ((long) inSize * outSize > Sizes.MAX_TENSOR) {
            c.report(Problems.tensorTooLarge(call.name(), inSize, outSize));
            return new Step(null, Flow.UNKNOWN, inferred); // the next layer would likely be too large too
        }
        Layer layer = new Layer.Linear(path, span, in.shape(), Shape.of(outSize), inSize, outSize);
        return new Step(layer, Flow.from(layer), inferred);
    }

    private static Signature signature(Call call) {
        long positional = call.arguments().stream().filter(a -> !a.isNamed()).count();
        return positional == 1 ? OUT_ONLY : BOTH;
    }

    /** Whether the incoming shape is a vector of the size {@code linear} asks for; reports if not. */
    private static boolean fits(LayerCheck c, Call call, Flow in, Optional<Num> inFeatures, String outText) {
        if (in.shape().rank() != 1) {
            c.report(Problems.linearNeedsVector(call.name(), in));
            return false;
        }
        if (inFeatures.isPresent() && inFeatures.get().intValue() != in.shape().dim(0)) {
            c.report(Problems.linearMismatch(inFeatures.get(), in, outText));
            return false;
        }
        return true;
    }
}
