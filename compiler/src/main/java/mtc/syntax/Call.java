package mtc.syntax;

import java.util.List;

/** A layer in the chain, or the optimizer: {@code name} or {@code name(arguments)}. */
public record Call(Name name, List<Argument> arguments) {
    public Call {
        arguments = List.copyOf(arguments);
    }
}
