package mtc.syntax;

import java.math.BigInteger;
import mtc.diag.Span;

/**
 * A value written as an argument, a {@code let} right-hand side or an input dimension. Literals keep
 * their exact value (an unbounded integer, a possibly infinite double) so that the checker, not
 * the parser, decides what is out of range and says so.
 */
public sealed interface Value {
    Span span();

    /** An integer literal, its sign included. */
    record IntLiteral(BigInteger value, Span span) implements Value {}

    /** A floating-point literal; {@code text} is how it was written, for messages. */
    record FloatLiteral(double value, String text, Span span) implements Value {}

    /** A reference to a {@code let} constant. */
    record ConstantRef(Name name) implements Value {
        public Span span() { return name.span(); }
    }
}
