package mtc.optim;

/**
 * A learning-rate schedule stepped once per epoch, as {@code torch.optim.lr_scheduler} computes it:
 * {@code step(every, gamma)} is {@code StepLR(step_size=every, gamma=gamma)}, {@code cosine(min_lr)}
 * is {@code CosineAnnealingLR(T_max=E, eta_min=min_lr)} for a run of {@code E} epochs, and
 * {@code warmup = N} on either is {@code SequentialLR([LinearLR(start_factor=0.1, end_factor=1.0,
 * total_iters=N), MAIN], milestones=[N])} with MAIN's {@code T_max = E - N}. {@link #lrs} follows
 * PyTorch's own recursive formulas, in double, so the rates round to the same floats.
 */
public record ScheduleSpec(Kind kind, int every, double gamma, double minLr, int warmup) {
    public enum Kind { CONSTANT, STEP, COSINE }

    /** LinearLR's start factor for the warm-up: the first epoch runs at a tenth of the rate. */
    static final double WARMUP_START = 0.1;

    public static final ScheduleSpec CONSTANT = new ScheduleSpec(Kind.CONSTANT, 1, 1, 0, 0);

    public ScheduleSpec {
        if (every < 1 || !(gamma > 0) || !(minLr >= 0) || warmup < 0) {
            throw new IllegalArgumentException("invalid schedule: every " + every + ", gamma " + gamma + ", min_lr "
                    + minLr + ", warmup " + warmup);
        }
    }

    public static ScheduleSpec step(int every, double gamma, int warmup) {
        return new ScheduleSpec(Kind.STEP, every, gamma, 0, warmup);
    }

    public static ScheduleSpec cosine(double minLr, int warmup) {
        return new ScheduleSpec(Kind.COSINE, 1, 1, minLr, warmup);
    }

    /** The learning rate of each epoch {@code 1..epochs} (index {@code epoch - 1}) of a run from {@code base}. */
    public double[] lrs(double base, int epochs) {
        double[] lr = new double[epochs];
        int n = kind == Kind.CONSTANT ? 0 : Math.min(warmup, epochs);
        for (int e = 0; e < n; e++) lr[e] = e == 0 ? base * WARMUP_START : linear(lr[e - 1], e, n);
        int tMax = epochs - n;
        for (int j = 0; n + j < epochs; j++) lr[n + j] = j == 0 ? base : main(lr[n + j - 1], base, j, tMax);
        return lr;
    }

    /** LinearLR's chainable step to {@code lastEpoch} (from 0.1 to 1.0 of the rate over {@code total} epochs). */
    private static double linear(double previous, int lastEpoch, int total) {
        double delta = 1.0 - WARMUP_START;
        return previous * (1.0 + delta / (total * WARMUP_START + (lastEpoch - 1) * delta));
    }

    /** The main schedule's chainable step to {@code lastEpoch} (at least 1). */
    private double main(double previous, double base, int lastEpoch, int tMax) {
        return switch (kind) {
            case CONSTANT -> previous;
            case STEP -> lastEpoch % every == 0 ? previous * gamma : previous;
            case COSINE -> cosine(previous, base, lastEpoch, tMax);
        };
    }

    private double cosine(double previous, double base, int lastEpoch, int tMax) {
        if ((lastEpoch - 1 - tMax) % (2 * tMax) == 0) {
            return previous + (base - minLr) * (1 - StrictMath.cos(Math.PI / tMax)) / 2;
        }
        return (1 + StrictMath.cos(Math.PI * lastEpoch / tMax)) / (1 + StrictMath.cos(Math.PI * (lastEpoch - 1) / tMax))
                * (previous - minLr) + minLr;
    }

    /** One line, e.g. {@code cosine min_lr=0.0 warmup=2}; {@link #parse} reads it back. */
    public String text() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case STEP -> "step every=" + every + " gamma=" + gamma + " warmup=" + warmup;
            case COSINE -> "cosine min_lr=" + minLr + " warmup=" + warmup;
        };
    }

    public static ScheduleSpec parse(String text) {
        String[] parts = text.trim().split(" ");
        int every = 1, warmup = 0;
        double gamma = 1, minLr = 0;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            switch (kv[0]) {
                case "every" -> every = Integer.parseInt(kv[1]);
                case "gamma" -> gamma = Double.parseDouble(kv[1]);
                case "min_lr" -> minLr = Double.parseDouble(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown schedule setting " + kv[0]);
            }
        }
        return new ScheduleSpec(Kind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)), every, gamma, minLr,
                warmup);
    }
}
