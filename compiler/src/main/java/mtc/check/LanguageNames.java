package mtc.check;

import java.util.List;

/**
 * The names the checker knows, for what must keep pace with it outside this package: the test
 * that the language reference (docs/language.md) has a section for each.
 */
public final class LanguageNames {
    private LanguageNames() {}

    /** Layer kinds, in the order the documentation lists them. */
    public static List<String> layers() {
        return Signatures.LAYERS;
    }

    /** Optimizers, sorted. */
    public static List<String> optimizers() {
        return Signatures.OPTIMIZERS.keySet().stream().sorted().toList();
    }

    /** Statement keywords; a line that starts with none of them is the chain. */
    public static List<String> statements() {
        return StatementSet.KEYWORDS;
    }
}
