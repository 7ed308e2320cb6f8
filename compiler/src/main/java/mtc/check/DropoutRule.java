package mtc.check;

import static mtc.check.Signature.real;

import java.util.List;
import java.util.Optional;
import mtc.syntax.Call;

/** {@code dropout(p)}: PyTorch's {@code nn.Dropout}, inverted, on any shape. */
final class DropoutRule implements LayerRule {
    private static final Signature SIGNATURE = new Signature("dropout", List.of(
            real("p", true, "the drop probability p")), "write dropout(0.2) to drop 20% of the values");

    @Override
    public String name() { return "dropout"; }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        BoundArguments args = c.bind(call, SIGNATURE);
        Optional<Num> p = args.get("p");
        boolean valid = p.isPresent() && c.inRange(args, "p", x -> x >= 0 && x < 1, "at least 0 and less than 1");
        p.filter(n -> n.real() == 0).ifPresent(n -> c.report(Problems.dropoutHasNoEffect(n.span())));
        if (!c.known(call, in)) return Step.failed(Flow.UNKNOWN);
        if (!valid) return Step.failed(LayerCheck.passedOn("dropout", call, in));
        return Step.of(new Layer.Dropout(path, call.name().span(), in.shape(), in.shape(), p.get().real()));
    }
}
