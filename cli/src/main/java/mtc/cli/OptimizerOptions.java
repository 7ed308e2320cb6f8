package mtc.cli;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;
import mtc.runtime.NetworkSpec;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The optimizer and schedule of a training run: the file's, with {@code --optimizer},
 * {@code --momentum}, {@code --weight-decay} and {@code --schedule} overriding it. A value out of
 * the range {@code torch.optim} accepts is a usage error (exit status 2), as the checker makes it a
 * compile-time error in the file. {@code --optimizer} naming another optimizer than the file's
 * starts from PyTorch's defaults for it.
 */
record OptimizerOptions(String optimizer, Double momentum, Double weightDecay, String schedule) {
    /** What the run trains with. */
    record Choice(OptimizerSpec optimizer, ScheduleSpec schedule) {}

    /** Whether any of the options was given (a resumed run must not change them). */
    boolean given() {
        return optimizer != null || momentum != null || weightDecay != null || schedule != null;
    }

    Choice resolve(CommandLine cmd, NetworkSpec spec, int epochs) {
        OptimizerSpec o = spec.optimizer() != null ? spec.optimizer() : OptimizerSpec.defaults(OptimizerSpec.Kind.SGD);
        if (optimizer != null) {
            OptimizerSpec.Kind kind = kind(cmd);
            if (kind != o.kind()) o = OptimizerSpec.defaults(kind);
        }
        if (momentum != null) {
            require(cmd, o.kind() == OptimizerSpec.Kind.SGD, "--momentum applies to sgd, not " + o.kind().text());
            require(cmd, momentum >= 0 && Double.isFinite(momentum), "--momentum must be 0 or more, got " + momentum);
            require(cmd, momentum > 0 || !o.nesterov(), "--momentum 0 with nesterov = true (from the file): "
                    + "nesterov needs a momentum greater than 0");
            o = o.withMomentum(momentum);
        }
        if (weightDecay != null) {
            require(cmd, weightDecay >= 0 && Double.isFinite(weightDecay),
                    "--weight-decay must be 0 or more, got " + weightDecay);
            o = o.withWeightDecay(weightDecay);
        }
        ScheduleSpec s = schedule != null ? parseSchedule(cmd) : spec.schedule() != null ? spec.schedule()
                : ScheduleSpec.CONSTANT;
        require(cmd, s.kind() == ScheduleSpec.Kind.CONSTANT || s.warmup() == 0 || s.warmup() < epochs,
                "a warm-up of " + s.warmup() + " epochs needs more than " + s.warmup() + " epochs (--epochs "
                        + epochs + ")");
        return new Choice(o, s);
    }

    /** The base learning rate when neither {@code --lr} nor the file gives one: 0.1 for SGD, Adam's 1e-3. */
    static float defaultLr(OptimizerSpec o) {
        return o.kind() == OptimizerSpec.Kind.SGD ? 0.1f : 1e-3f;
    }

    private OptimizerSpec.Kind kind(CommandLine cmd) {
        try {
            return OptimizerSpec.Kind.of(optimizer.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "--optimizer must be sgd, adam or adamw, got " + optimizer);
        }
    }

    /** {@code none}, {@code step(every=3, gamma=0.1, warmup=1)}, {@code cosine}, {@code cosine(min_lr=1e-4)}. */
    private ScheduleSpec parseSchedule(CommandLine cmd) {
        String text = schedule.replace(" ", "");
        String usage = "--schedule must be none, step(every=N, gamma=X, warmup=N) or cosine(min_lr=X, warmup=N), got "
                + schedule;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)(?:\\((.*)\\))?").matcher(text);
        require(cmd, m.matches(), usage);
        Map<String, String> args = new TreeMap<>();
        if (m.group(2) != null && !m.group(2).isEmpty()) {
            for (String kv : m.group(2).split(",")) {
                String[] p = kv.split("=", 2);
                require(cmd, p.length == 2, usage);
                args.put(p[0], p[1]);
            }
        }
        try {
            return schedule(cmd, m.group(1), args, usage);
        } catch (IllegalArgumentException e) { // a number that does not parse, or out of range
            throw new ParameterException(cmd, usage + " (" + e.getMessage() + ")");
        }
    }

    private static ScheduleSpec schedule(CommandLine cmd, String name, Map<String, String> args, String usage) {
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "0"));
        ScheduleSpec s = switch (name) {
            case "none", "constant" -> args.isEmpty() ? ScheduleSpec.CONSTANT : null;
            case "step" -> args.containsKey("every") ? ScheduleSpec.step(Integer.parseInt(args.get("every")),
                    Double.parseDouble(args.getOrDefault("gamma", "0.1")), warmup) : null;
            case "cosine" -> ScheduleSpec.cosine(Double.parseDouble(args.getOrDefault("min_lr", "0")), warmup);
            default -> null;
        };
        require(cmd, s != null, usage);
        require(cmd, known(s, args.keySet()), usage);
        return s;
    }

    private static boolean known(ScheduleSpec s, java.util.Set<String> keys) {
        java.util.Set<String> allowed = switch (s.kind()) {
            case CONSTANT -> java.util.Set.of();
            case STEP -> java.util.Set.of("every", "gamma", "warmup");
            case COSINE -> java.util.Set.of("min_lr", "warmup");
        };
        return allowed.containsAll(keys);
    }

    private static void require(CommandLine cmd, boolean ok, String message) {
        if (!ok) throw new ParameterException(cmd, message);
    }
}
