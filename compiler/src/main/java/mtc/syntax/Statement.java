package mtc.syntax;

import java.util.List;
import mtc.diag.Span;

/** One statement of a {@code .mt} file; {@link #span()} is its keyword (or first layer name). */
public sealed interface Statement {
    Span span();

    /** {@code model Name}. */
    record Model(Span span, Name name) implements Statement {}

    /** {@code input [d1, ..., dk]}. */
    record Input(Span span, List<Value> dims) implements Statement {
        public Input {
            dims = List.copyOf(dims);
        }
    }

    /** {@code let name = value}. */
    record Let(Span span, Name name, Value value) implements Statement {}

    /** {@code loss name}. */
    record Loss(Span span, Name name) implements Statement {}

    /** {@code optimizer name(arguments)}. */
    record Optimizer(Span span, Call call) implements Statement {}

    /** {@code schedule name(arguments)}: the learning rate per epoch. */
    record Schedule(Span span, Call call) implements Statement {}

    /** {@code data name}: the data set the model is meant for, e.g. {@code fashion-mnist}. */
    record Data(Span span, Name name) implements Statement {}

    /** {@code element -> element -> ...}: layers, block uses and residual connections. */
    record Chain(Span span, List<Element> layers) implements Statement {
        public Chain {
            layers = List.copyOf(layers);
        }
    }

    /** {@code block name(parameters) = chain}: a named sub-chain, spliced in where it is used. */
    record Block(Span span, Name name, List<Name> parameters, Chain body) implements Statement {
        public Block {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * A line that starts with a name followed by something a layer cannot be followed by, such as
     * {@code modle Mnist}: most likely a misspelt statement keyword. {@code next} is what follows it.
     */
    record Unknown(Span span, Name keyword, Span next) implements Statement {}
}
