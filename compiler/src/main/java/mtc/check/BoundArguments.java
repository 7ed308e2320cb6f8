package mtc.check;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A call's arguments by parameter name. Wrong ones are absent from {@code values} (they were
 * reported) but still in {@code given}, so that nobody reports them missing as well.
 */
record BoundArguments(Map<String, Num> values, Set<String> given) {
    BoundArguments {
        values = Map.copyOf(values);
        given = Set.copyOf(given);
    }

    boolean given(String name) {
        return given.contains(name);
    }

    Optional<Num> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
