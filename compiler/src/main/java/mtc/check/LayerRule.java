package mtc.check;

import mtc.syntax.Call;

/**
 * One layer kind's entry in the checker: its name, its arguments (a {@link Signature}), and its
 * shape rule with the diagnostics it reports. {@link LayerRules} lists every rule; what the summary
 * shows of a checked layer lives on its {@link Layer} record.
 */
interface LayerRule {
    /** The layer's name in {@code .mt} files. */
    String name();

    /**
     * Checks {@code call}, the layer at {@code path} (see {@link Layer#path()}), receiving {@code in}:
     * the layer when it is valid, and in any case what flows on (see {@link LayerRules}).
     */
    Step check(LayerCheck c, Call call, String path, Flow in);
}
