package mtc.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer and its settings, as {@code torch.optim} names them: {@code SGD(lr, momentum,
 * nesterov, weight_decay)} (dampening 0), {@code Adam} and {@code AdamW(lr, betas, eps,
 * weight_decay)} (amsgrad off). Settings left out take PyTorch's defaults; {@code lr} is NaN when
 * not given (the command line then decides). Values are validated by the checker and the command
 * line before one is made; the constructor only rejects what would make the arithmetic meaningless.
 */
public record OptimizerSpec(Kind kind, double lr, double momentum, boolean nesterov, double weightDecay,
                            double beta1, double beta2, double eps) {
    public enum Kind {
        SGD, ADAM, ADAMW;

        public String text() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static Kind of(String text) {
            for (Kind k : values()) if (k.text().equals(text)) return k;
            throw new IllegalArgumentException("unknown optimizer " + text);
        }
    }

    public OptimizerSpec {
        if (momentum < 0 || weightDecay < 0 || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || !(eps >= 0)
                || (nesterov && momentum == 0)) {
            throw new IllegalArgumentException("invalid optimizer settings: " + text());
        }
    }

    /** PyTorch's defaults for {@code kind} (AdamW's weight decay is 0.01, the others' 0). */
    public static OptimizerSpec defaults(Kind kind) {
        return new OptimizerSpec(kind, Double.NaN, 0, false, kind == Kind.ADAMW ? 0.01 : 0, 0.9, 0.999, 1e-8);
    }

    /** Plain SGD at {@code lr}: what a file without an {@code optimizer} statement trains with. */
    public static OptimizerSpec sgd(double lr) {
        return defaults(Kind.SGD).withLr(lr);
    }

    public OptimizerSpec withLr(double value) {
        return new OptimizerSpec(kind, value, momentum, nesterov, weightDecay, beta1, beta2, eps);
    }

    public OptimizerSpec withMomentum(double value) {
        return new OptimizerSpec(kind, lr, value, nesterov, weightDecay, beta1, beta2, eps);
    }

    public OptimizerSpec withWeightDecay(double value) {
        return new OptimizerSpec(kind, lr, momentum, nesterov, value, beta1, beta2, eps);
    }

    /** Whether a step is {@code param -= lr * grad} alone: no state, the seed's arithmetic. */
    public boolean plain() {
        return kind == Kind.SGD && momentum == 0 && weightDecay == 0;
    }

    /** Whether the optimizer keeps a first state tensor per parameter (momentum buffer, Adam's first moment). */
    public boolean usesFirstMoment() {
        return kind != Kind.SGD || momentum != 0;
    }

    public boolean usesSecondMoment() {
        return kind != Kind.SGD;
    }

    /** The settings by PyTorch's names, e.g. {@code sgd lr=0.1 momentum=0.9 nesterov=false weight_decay=0.0}. */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lr", Double.toString(lr));
        if (kind == Kind.SGD) {
            m.put("momentum", Double.toString(momentum));
            m.put("nesterov", Boolean.toString(nesterov));
        } else {
            m.put("beta1", Double.toString(beta1));
            m.put("beta2", Double.toString(beta2));
            m.put("eps", Double.toString(eps));
        }
        m.put("weight_decay", Double.toString(weightDecay));
        return m;
    }

    /** One line: the kind, then {@code key=value} settings; {@link #parse} reads it back. */
    public String text() {
        StringBuilder b = new StringBuilder(kind.text());
        settings().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    public static OptimizerSpec parse(String text) {
        String[] parts = text.trim().split(" ");
        OptimizerSpec o = defaults(Kind.of(parts[0]));
        double lr = o.lr, momentum = o.momentum, wd = o.weightDecay, b1 = o.beta1, b2 = o.beta2, eps = o.eps;
        boolean nesterov = false;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            switch (kv[0]) {
                case "lr" -> lr = Double.parseDouble(kv[1]);
                case "momentum" -> momentum = Double.parseDouble(kv[1]);
                case "nesterov" -> nesterov = Boolean.parseBoolean(kv[1]);
                case "weight_decay" -> wd = Double.parseDouble(kv[1]);
                case "beta1" -> b1 = Double.parseDouble(kv[1]);
                case "beta2" -> b2 = Double.parseDouble(kv[1]);
                case "eps" -> eps = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("unknown optimizer setting " + kv[0]);
            }
        }
        return new OptimizerSpec(o.kind, lr, momentum, nesterov, wd, b1, b2, eps);
    }
}
