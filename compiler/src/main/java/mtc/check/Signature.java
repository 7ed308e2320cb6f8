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
     * One parameter; {@code meaning} completes "CALLEE needs ..." when it is missing; a {@code flag}
     * takes {@code true} or {@code false}, any other parameter a number.
     */
    record Parameter(String name, boolean integral, boolean required, String meaning, boolean flag) {
        Parameter(String name, boolean integral, boolean required, String meaning) {
            this(name, integral, required, meaning, false);
        }
    }

    static Parameter integer(String name, boolean required, String meaning) {
        return new Parameter(name, true, required, meaning);
    }

    static Parameter real(String name, boolean required, String meaning) {
        return new Parameter(name, false, required, meaning);
    }

    /** An optional yes-or-no parameter. */
    static Parameter flag(String name) {
        return new Parameter(name, false, false, name, true);
    }

    Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
