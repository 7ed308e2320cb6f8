package mtc.check;

import static mtc.check.Signature.real;

import java.util.List;
import mtc.syntax.Call;

/**
 * An element-wise activation ({@link ActivationKind}) on any shape. Only {@code leaky_relu} takes an
 * argument, its negative slope (PyTorch's default 0.01; any finite number, as PyTorch allows).
 */
final class ActivationRule implements LayerRule {
    private static final double DEFAULT_SLOPE = 0.01;

    private final ActivationKind kind;
    private final Signature signature;

    ActivationRule(ActivationKind kind) {
        this.kind = kind;
        this.signature = switch (kind) {
            case RELU, TANH, SIGMOID, GELU -> new Signature(kind.keyword(), List.of(), "write " + kind.keyword());
            case LEAKY_RELU -> new Signature(kind.keyword(), List.of(real("slope", false, "the negative slope")),
                    "write leaky_relu, or leaky_relu(slope = 0.01)");
        };
    }

    @Override
    public String name() { return kind.keyword(); }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        BoundArguments args = c.bind(call, signature);
        boolean valid = c.inRange(args, "slope", Double::isFinite, "a finite number");
        if (!c.known(call, in)) return Step.failed(Flow.UNKNOWN);
        if (!valid) return Step.failed(LayerCheck.passedOn(kind.keyword(), call, in));
        double slope = kind == ActivationKind.LEAKY_RELU ? args.get("slope").map(Num::real).orElse(DEFAULT_SLOPE) : 0;
        return Step.of(new Layer.Activation(path, call.name().span(), in.shape(), in.shape(), kind, slope));
    }
}
