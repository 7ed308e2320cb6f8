package mtc.check;

import java.math.BigInteger;
import mtc.diag.Span;

/**
 * A number after constants are resolved. {@code integer} is null for a floating-point value.
 * {@code written} is the source text ({@code 256} or {@code hidden}) and {@code value} the number's
 * text, so messages can quote {@code hidden = 256} and suggestions can keep the constant's name.
 * {@code isBoolean} marks the literals {@code true} and {@code false}.
 */
record Num(BigInteger integer, double real, Span span, String written, String value, boolean isBoolean) {
    static Num literal(BigInteger integer, double real, Span span, String text) {
        return new Num(integer, real, span, text, text, false);
    }

    /** {@code true} or {@code false}: not a number, so only a yes-or-no parameter takes it. */
    static Num bool(boolean value, Span span) {
        String text = Boolean.toString(value);
        return new Num(null, value ? 1 : 0, span, text, text, true);
    }

    boolean booleanValue() { return real != 0; }

    boolean isIntegral() { return integer != null; }

    /** The value of an integral number already known to fit in an {@code int}. */
    int intValue() { return integer.intValueExact(); }

    /** How messages quote it: {@code 2.5}, or {@code hidden = 2.5} for a constant. */
    String shown() {
        return written.equals(value) ? value : written + " = " + value;
    }

    /** This constant's value as used by name at {@code use}. */
    Num via(String constant, Span use) {
        return new Num(integer, real, use, constant, value, isBoolean);
    }
}
