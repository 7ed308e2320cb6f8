package mtc.check;

import java.util.Optional;
import java.util.OptionalDouble;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;
import mtc.syntax.Name;
import mtc.syntax.Statement;

/**
 * Checks the {@code optimizer} and {@code schedule} statements: known names, arguments bound, and
 * every value in the range {@code torch.optim} accepts, each error at its argument. Settings left
 * out take PyTorch's defaults.
 */
final class OptimizerCheck {
    private final ArgumentBinder binder;
    private final Reporter reporter;
    private boolean failed;

    OptimizerCheck(ArgumentBinder binder, Reporter reporter) {
        this.binder = binder;
        this.reporter = reporter;
    }

    /** The optimizer's settings, or null when the statement is wrong (and has been reported). */
    CheckedModel.Optimizer optimizer(Statement.Optimizer statement) {
        Name name = statement.call().name();
        Signature signature = Signatures.OPTIMIZERS.get(name.text());
        if (signature == null) {
            reporter.report(Problems.unknownOptimizer(name, Signatures.OPTIMIZERS.keySet()));
            return null;
        }
        BoundArguments args = binder.bind(statement.call(), signature);
        OptimizerSpec d = OptimizerSpec.defaults(OptimizerSpec.Kind.of(name.text()));
        OptionalDouble lr = real(args, "lr", Double.NaN, v -> v > 0, "greater than 0").stream()
                .filter(v -> !Double.isNaN(v)).findFirst();
        double weightDecay = real(args, "weight_decay", d.weightDecay(), v -> v >= 0, "at least 0").orElse(0);
        double momentum = real(args, "momentum", 0, v -> v >= 0, "at least 0").orElse(0);
        boolean nesterov = args.get("nesterov").map(Num::booleanValue).orElse(false);
        if (nesterov && momentum == 0 && !failed) {
            reporter.report(Problems.nesterovWithoutMomentum(args.get("nesterov").orElseThrow()));
            failed = true;
        }
        double beta1 = real(args, "beta1", d.beta1(), v -> v >= 0 && v < 1, "in [0, 1)").orElse(0);
        double beta2 = real(args, "beta2", d.beta2(), v -> v >= 0 && v < 1, "in [0, 1)").orElse(0);
        double eps = real(args, "eps", d.eps(), v -> v >= 0, "at least 0").orElse(0);
        if (failed) return null;
        return new CheckedModel.Optimizer(name.text(), lr, new OptimizerSpec(d.kind(), lr.orElse(Double.NaN),
                momentum, nesterov, weightDecay, beta1, beta2, eps));
    }

    /** The schedule, or null when the statement is wrong (and has been reported). */
    ScheduleSpec schedule(Statement.Schedule statement) {
        Name name = statement.call().name();
        Signature signature = Signatures.SCHEDULES.get(name.text());
        if (signature == null) {
            reporter.report(Problems.unknownSchedule(name, Signatures.SCHEDULES.keySet()));
            return null;
        }
        BoundArguments args = binder.bind(statement.call(), signature);
        int warmup = (int) real(args, "warmup", 0, v -> v >= 0, "at least 0").orElse(0);
        ScheduleSpec spec;
        if (name.text().equals("step")) {
            int every = (int) real(args, "every", 1, v -> v >= 1, "at least 1").orElse(1);
            double gamma = real(args, "gamma", 0.1, v -> v > 0, "greater than 0").orElse(1);
            spec = ScheduleSpec.step(every, gamma, warmup);
        } else {
            spec = ScheduleSpec.cosine(real(args, "min_lr", 0, v -> v >= 0, "at least 0").orElse(0), warmup);
        }
        return failed ? null : spec;
    }

    /** The argument {@code name}, or {@code fallback} when not given; empty (reported) when out of range. */
    private OptionalDouble real(BoundArguments args, String name, double fallback,
                                java.util.function.DoublePredicate valid, String range) {
        Optional<Num> num = args.get(name);
        if (num.isEmpty()) {
            if (args.given(name)) failed = true;
            return OptionalDouble.of(fallback);
        }
        if (!valid.test(num.get().real())) {
            reporter.report(Problems.outOfRange(num.get(), name, range));
            failed = true;
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(num.get().real());
    }
}
