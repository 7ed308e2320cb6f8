package mtc.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A call's arguments by parameter name: numbers, pairs (one or two numbers) and words. Wrong ones
 * are absent (they were reported) but still in {@code given}, so that nobody reports them missing
 * as well.
 */
record BoundArguments(Map<String, Num> values, Map<String, List<Num>> pairs, Map<String, String> words,
                      Set<String> given) {
    BoundArguments {
        values = Map.copyOf(values);
        pairs = Map.copyOf(pairs);
        words = Map.copyOf(words);
        given = Set.copyOf(given);
    }

    boolean given(String name) {
        return given.contains(name);
    }

    Optional<Num> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A pair parameter's two numbers (one number given stands for both), when given and valid. */
    Optional<List<Num>> pair(String name) {
        return Optional.ofNullable(pairs.get(name)).map(p -> p.size() == 1 ? List.of(p.get(0), p.get(0)) : p);
    }

    Optional<String> word(String name) {
        return Optional.ofNullable(words.get(name));
    }
}
