package mtc.check;

import static mtc.check.Signature.real;

import java.util.List;
import mtc.syntax.Call;

/** {@code batchnorm(eps, momentum)}: PyTorch's {@code BatchNorm1d} on {@code [n]}, {@code BatchNorm2d} on {@code [c,h,w]}. */
final class BatchNormRule implements LayerRule {
    private static final double DEFAULT_EPS = 1e-5;
    private static final double DEFAULT_MOMENTUM = 0.1;
    private static final Signature SIGNATURE = new Signature("batchnorm", List.of(
            real("eps", false, "eps"), real("momentum", false, "momentum")),
            "write batchnorm, or batchnorm(eps = 1e-5, momentum = 0.1)");

    @Override
    public String name() { return "batchnorm"; }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        BoundArguments args = c.bind(call, SIGNATURE);
        boolean valid = c.inRange(args, "eps", x -> x > 0, "greater than 0")
                & c.inRange(args, "momentum", x -> x >= 0 && x <= 1, "between 0 and 1");
        if (!c.known(call, in)) return Step.failed(Flow.UNKNOWN);
        int rank = in.shape().rank();
        if (rank != 1 && rank != 3) {
            c.report(Problems.batchNormRank(call.name(), in));
            valid = false;
        }
        if (!valid) return Step.failed(LayerCheck.passedOn("batchnorm", call, in));
        double eps = args.get("eps").map(Num::real).orElse(DEFAULT_EPS);
        double momentum = args.get("momentum").map(Num::real).orElse(DEFAULT_MOMENTUM);
        return Step.of(new Layer.BatchNorm(path, call.name().span(), in.shape(), in.shape(), eps, momentum));
    }
}
