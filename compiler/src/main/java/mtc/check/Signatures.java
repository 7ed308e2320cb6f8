package mtc.check;

import static mtc.check.Signature.flag;
import static mtc.check.Signature.integer;
import static mtc.check.Signature.real;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments each optimizer and schedule accepts (positional order as in {@code torch.optim}),
 * and the names of the layers (each layer's own are in its rule).
 */
final class Signatures {
    static final Signature SGD = new Signature("sgd", List.of(real("lr", false, "lr"),
            real("momentum", false, "momentum"), flag("nesterov"), real("weight_decay", false, "weight_decay")),
            "write sgd(lr = 0.1)");
    static final Signature ADAM = adam("adam");
    static final Signature ADAMW = adam("adamw");
    static final Signature STEP = new Signature("step", List.of(integer("every", true, "every (epochs between "
            + "two decays)"), real("gamma", false, "gamma"), integer("warmup", false, "warmup")),
            "write step(every = 3, gamma = 0.1)");
    static final Signature COSINE = new Signature("cosine", List.of(real("min_lr", false, "min_lr"),
            integer("warmup", false, "warmup")), "write cosine(min_lr = 0)");

    /** Layer names in the order the documentation lists them. */
    static final List<String> LAYERS = LayerRules.NAMES;
    static final Map<String, Signature> OPTIMIZERS = ordered(SGD, ADAM, ADAMW);
    static final Map<String, Signature> SCHEDULES = ordered(STEP, COSINE);

    private Signatures() {}

    private static Signature adam(String name) {
        return new Signature(name, List.of(real("lr", false, "lr"), real("beta1", false, "beta1"),
                real("beta2", false, "beta2"), real("eps", false, "eps"), real("weight_decay", false, "weight_decay")),
                "write " + name + "(lr = 1e-3)");
    }

    private static Map<String, Signature> ordered(Signature... signatures) {
        Map<String, Signature> m = new LinkedHashMap<>();
        for (Signature s : signatures) m.put(s.callee(), s);
        return m;
    }
}
