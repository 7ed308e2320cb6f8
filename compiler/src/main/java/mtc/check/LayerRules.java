package mtc.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mtc.syntax.Call;

/**
 * Every layer kind the language has, by name, and the dispatch to its rule. A layer with an error
 * yields no {@link Layer} but still passes on the best shape it can (its output when that does not
 * depend on the error, else an unknown shape), so later layers are checked without follow-on errors.
 */
final class LayerRules {
    /** In the order the documentation lists them; every activation of {@link ActivationKind} is one. */
    private static final Map<String, LayerRule> RULES = index();

    /** Layer names in the order the documentation lists them. */
    static final List<String> NAMES = List.copyOf(RULES.keySet());

    private final LayerCheck check;

    LayerRules(ArgumentBinder binder, Reporter reporter) {
        this.check = new LayerCheck(binder, reporter);
    }

    private static Map<String, LayerRule> index() {
        List<LayerRule> rules = new ArrayList<>(List.of(new LinearRule(), new BatchNormRule(),
                new ActivationRule(ActivationKind.RELU), new DropoutRule(), new FlattenRule()));
        rules.addAll(List.of(new Conv2dRule(), new PoolRule(PoolKind.MAX), new PoolRule(PoolKind.AVERAGE),
                new GlobalAvgPoolRule()));
        Arrays.stream(ActivationKind.values()).filter(k -> k != ActivationKind.RELU)
                .forEach(k -> rules.add(new ActivationRule(k)));
        Map<String, LayerRule> byName = new LinkedHashMap<>();
        rules.forEach(r -> byName.put(r.name(), r));
        return byName;
    }

    static boolean isLayer(String name) {
        return RULES.containsKey(name);
    }

    /** Checks the layer {@code call}; {@code blocks} are the names of the file's blocks, for suggestions. */
    Step check(Call call, String path, Flow in, java.util.Collection<String> blocks) {
        LayerRule rule = RULES.get(call.name().text());
        if (rule != null) return rule.check(check, call, path, in);
        List<String> known = new ArrayList<>(NAMES);
        known.addAll(blocks);
        check.report(Problems.unknownLayer(call.name(), known));
        return Step.failed(Flow.UNKNOWN);
    }
}
