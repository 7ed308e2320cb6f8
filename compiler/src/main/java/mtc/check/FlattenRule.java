package mtc.check;

import java.util.List;
import mtc.syntax.Call;

/** {@code flatten}: {@code [d1,...,dk]} to {@code [d1·...·dk]}, PyTorch's {@code nn.Flatten}. */
final class FlattenRule implements LayerRule {
    private static final Signature SIGNATURE = new Signature("flatten", List.of(), "write flatten");

    @Override
    public String name() { return "flatten"; }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        c.bind(call, SIGNATURE);
        if (!c.known(call, in)) return Step.failed(Flow.UNKNOWN);
        Shape out = Shape.of((int) in.shape().size());
        return Step.of(new Layer.Flatten(path, call.name().span(), in.shape(), out));
    }
}
