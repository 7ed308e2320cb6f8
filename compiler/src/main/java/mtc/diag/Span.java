package mtc.diag;

/**
 * A region of one source file: 1-based line and column of its first character, and its length in
 * characters on that line (at least 1, so that a caret can always be drawn).
 */
public record Span(int line, int column, int length) {
    public Span {
        if (line < 1 || column < 1) throw new IllegalArgumentException("span before start of file");
        length = Math.max(1, length);
    }

    /** The span from the start of this one to the end of {@code other} when both are on one line. */
    public Span to(Span other) {
        if (other.line != line || other.column + other.length < column) return this;
        return new Span(line, column, other.column + other.length - column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
