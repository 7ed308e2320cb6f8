package mtc.syntax;

import java.util.List;
import mtc.diag.Span;

/** A layer in the chain, or the optimizer: {@code name} or {@code name(arguments)}. */
public record Call(Name name, List<Argument> arguments) implements Element {
    public Call {
        arguments = List.copyOf(arguments);
    }

    @Override
    public Span span() {
        return name.span();
    }
}
