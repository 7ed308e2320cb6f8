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

    /** {@code [a, b]}: a list of scalars (a pair argument such as {@code k = [3, 5]}); lists do not nest. */
    record ListLiteral(java.util.List<Value> items, Span span) implements Value {
        public ListLiteral {
            items = java.util.List.copyOf(items);
        }
    }

    /** A reference to a {@code let} constant, or a word an argument accepts ({@code same}, {@code true}). */
    record ConstantRef(Name name) implements Value {
        public Span span() { return name.span(); }
    }
}
