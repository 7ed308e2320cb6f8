package mtc.check;

import java.util.List;
import java.util.Optional;

/**
 * The parameters of a layer or optimizer in positional order, so that positional and named
 * arguments can be bound the same way and unknown argument names get a suggestion.
 *
 * @param missingHelp what to write when a required argument is missing
 */
record Signature(String callee, List<Parameter> parameters, String missingHelp) {
    Signature {
        parameters = List.copyOf(parameters);
    }

    /**
     * One parameter; {@code meaning} completes "CALLEE needs ..." when it is missing. A {@code pair}
     * parameter takes an integer or a pair {@code [a, b]}; {@code words} are names it takes besides
     * numbers ({@code same}); a {@code flag} takes {@code true} or {@code false}, any other parameter
     * a number.
     */
    record Parameter(String name, boolean integral, boolean required, String meaning, boolean pair,
                     List<String> words, boolean flag) {
        Parameter {
            words = List.copyOf(words);
        }

        Parameter(String name, boolean integral, boolean required, String meaning) {
            this(name, integral, required, meaning, false, List.of(), false);
        }

        /** The same parameter, also taking {@code words}. */
        Parameter orWords(String... more) {
            return new Parameter(name, integral, required, meaning, pair, List.of(more), flag);
        }
    }

    static Parameter integer(String name, boolean required, String meaning) {
        return new Parameter(name, true, required, meaning, false, List.of(), false);
    }

    static Parameter real(String name, boolean required, String meaning) {
        return new Parameter(name, false, required, meaning, false, List.of(), false);
    }

    /** An integer for both axes, or {@code [h, w]}. */
    static Parameter pair(String name, boolean required, String meaning) {
        return new Parameter(name, true, required, meaning, true, List.of(), false);
    }

    /** One of {@code words} only. */
    static Parameter word(String name, String meaning, String... words) {
        return new Parameter(name, false, false, meaning, false, List.of(words), false);
    }

    /** An optional yes-or-no parameter. */
    static Parameter flag(String name) {
        return new Parameter(name, false, false, name, false, List.of(), true);
    }

    Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
