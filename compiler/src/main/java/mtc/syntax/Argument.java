package mtc.syntax;

import java.util.Optional;
import mtc.diag.Span;

/** One argument of a call: positional ({@code 0.2}) or named ({@code p = 0.2}). */
public record Argument(Optional<Name> name, Value value) {
    public boolean isNamed() { return name.isPresent(); }

    /** The argument's name if it has one, else its value: where an error about it points. */
    public Span span() {
        return name.map(Name::span).orElse(value.span());
    }
}
