package mtc.check;

import java.util.Optional;
import java.util.function.DoublePredicate;
import mtc.diag.Span;
import mtc.syntax.Call;

/**
 * The shape rule and argument checks of each layer kind. A layer with an error yields no
 * {@link Layer} but still passes on the best shape it can (its output when that does not depend
 * on the error, else an unknown shape), so later layers are checked without follow-on errors.
 */
final class LayerRules {
    private static final double DEFAULT_EPS = 1e-5;
    private static final double DEFAULT_MOMENTUM = 0.1;

    private final ArgumentBinder binder;
    private final Reporter reporter;

    LayerRules(ArgumentBinder binder, Reporter reporter) {
        this.binder = binder;
        this.reporter = reporter;
    }

    Step check(Call call, int index, Flow in) {
        return switch (call.name().text()) {
            case "linear" -> linear(call, index, in);
            case "batchnorm" -> batchNorm(call, index, in);
            case "relu" -> relu(call, index, in);
            case "dropout" -> dropout(call, index, in);
            case "flatten" -> flatten(call, index, in);
            default -> {
                reporter.report(Problems.unknownLayer(call.name(), Signatures.LAYERS));
                yield Step.failed(Flow.UNKNOWN);
            }
        };
    }

    private Step linear(Call call, int index, Flow in) {
        BoundArguments args = binder.bind(call, Signatures.linear(call));
        Optional<Num> inFeatures = args.get("in").filter(n -> positive("in", n));
        Optional<Num> out = args.get("out").filter(n -> positive("out", n));
        String outText = out.map(Num::written).orElse("out");
        Span span = call.name().span();
        Flow next = out.map(o -> Flow.of(Shape.of(o.intValue()), produces("linear", span))).orElse(Flow.UNKNOWN);
        Shape inferred = null;
        if (in.inputUndeclared()) {
            if (inFeatures.isPresent()) inferred = Shape.of(inFeatures.get().intValue());
            else if (!args.given("in")) {
                reporter.reportUnlessStatementsMissing(Problems.cannotInferInputSize(call.name(), outText));
            }
            in = inferred == null ? Flow.UNKNOWN : Flow.of(inferred, "the input is");
        }
        boolean inWrong = args.given("in") && inFeatures.isEmpty();
        if (!in.isKnown() || inWrong || !fitsLinear(call, in, inFeatures, outText)) {
            return new Step(null, next, inferred);
        }
        if (out.isEmpty()) return new Step(null, next, inferred);
        int inSize = in.shape().dim(0);
        int outSize = out.get().intValue();
        if ((long) inSize * outSize > Sizes.MAX_TENSOR) {
            reporter.report(Problems.tensorTooLarge(call.name(), inSize, outSize));
            return new Step(null, Flow.UNKNOWN, inferred); // the next layer would likely be too large too
        }
        Layer layer = new Layer.Linear(index, span, in.shape(), Shape.of(outSize), inSize, outSize);
        return new Step(layer, Flow.from(layer), inferred);
    }

    /** Whether the incoming shape is a vector of the size {@code linear} asks for; reports if not. */
    private boolean fitsLinear(Call call, Flow in, Optional<Num> inFeatures, String outText) {
        if (in.shape().rank() != 1) {
            reporter.report(Problems.linearNeedsVector(call.name(), in));
            return false;
        }
        if (inFeatures.isPresent() && inFeatures.get().intValue() != in.shape().dim(0)) {
            reporter.report(Problems.linearMismatch(inFeatures.get(), in, outText));
            return false;
        }
        return true;
    }

    private Step batchNorm(Call call, int index, Flow in) {
        BoundArguments args = binder.bind(call, Signatures.BATCHNORM);
        boolean valid = inRange(args, "eps", x -> x > 0, "greater than 0")
                & inRange(args, "momentum", x -> x >= 0 && x <= 1, "between 0 and 1");
        if (!known(call, in)) return Step.failed(Flow.UNKNOWN);
        int rank = in.shape().rank();
        if (rank != 1 && rank != 3) {
            reporter.report(Problems.batchNormRank(call.name(), in));
            valid = false;
        }
        if (!valid) return Step.failed(passedOn("batchnorm", call, in));
        double eps = args.get("eps").map(Num::real).orElse(DEFAULT_EPS);
        double momentum = args.get("momentum").map(Num::real).orElse(DEFAULT_MOMENTUM);
        return Step.of(new Layer.BatchNorm(index, call.name().span(), in.shape(), in.shape(), eps, momentum));
    }

    private Step relu(Call call, int index, Flow in) {
        binder.bind(call, Signatures.RELU);
        if (!known(call, in)) return Step.failed(Flow.UNKNOWN);
        return Step.of(new Layer.Relu(index, call.name().span(), in.shape(), in.shape()));
    }

    private Step dropout(Call call, int index, Flow in) {
        BoundArguments args = binder.bind(call, Signatures.DROPOUT);
        Optional<Num> p = args.get("p");
        boolean valid = p.isPresent() && inRange(args, "p", x -> x >= 0 && x < 1, "at least 0 and less than 1");
        p.filter(n -> n.real() == 0).ifPresent(n -> reporter.report(Problems.dropoutHasNoEffect(n.span())));
        if (!known(call, in)) return Step.failed(Flow.UNKNOWN);
        if (!valid) return Step.failed(passedOn("dropout", call, in));
        return Step.of(new Layer.Dropout(index, call.name().span(), in.shape(), in.shape(), p.get().real()));
    }

    private Step flatten(Call call, int index, Flow in) {
        binder.bind(call, Signatures.FLATTEN);
        if (!known(call, in)) return Step.failed(Flow.UNKNOWN);
        Shape out = Shape.of((int) in.shape().size());
        return Step.of(new Layer.Flatten(index, call.name().span(), in.shape(), out));
    }

    /** Whether the incoming shape is known; reports the missing {@code input} statement once. */
    private boolean known(Call call, Flow in) {
        if (in.inputUndeclared()) reporter.reportUnlessStatementsMissing(Problems.noInput(call.name()));
        return in.isKnown();
    }

    private boolean positive(String parameter, Num num) {
        if (num.intValue() >= 1) return true;
        reporter.report(Problems.notPositive(parameter, num));
        return false;
    }

    /** Whether the argument, if given and well-typed, satisfies {@code test}; reports if not. */
    private boolean inRange(BoundArguments args, String parameter, DoublePredicate test, String range) {
        Optional<Num> num = args.get(parameter);
        if (num.isEmpty()) return !args.given(parameter);
        if (test.test(num.get().real())) return true;
        reporter.report(Problems.outOfRange(num.get(), parameter, range));
        return false;
    }

    private static Flow passedOn(String kind, Call call, Flow in) {
        return Flow.of(in.shape(), produces(kind, call.name().span()));
    }

    private static String produces(String kind, Span span) {
        return kind + " (" + span + ") produces";
    }
}
