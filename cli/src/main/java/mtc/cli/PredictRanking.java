package mtc.cli;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mtc.data.ClassNames;

/**
 * Formats the most probable classes, by name when known: {@code 7 (99.12%), 3 (0.51%), 9 (0.20%)},
 * {@code sneaker (97.20%), sandal (1.90%), ankle boot (0.60%)}.
 */
final class PredictRanking {
    private PredictRanking() {}

    static String describe(float[] probs, int top, ClassNames names) {
        return IntStream.range(0, probs.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> probs[c]).reversed().thenComparing(c -> c))
                .limit(top)
                .map(c -> String.format(Locale.ROOT, "%s (%.2f%%)", names.name(c), 100 * probs[c]))
                .collect(Collectors.joining(", "));
    }
}
