package mtc.check;

/**
 * What flows into the next layer: a known shape with the words naming where it came from
 * ({@code relu (1:20) produces}), or an unknown shape. An unknown shape after an error is silent, so
 * that one mistake gives one diagnostic; an unknown shape because the file has no {@code input}
 * statement is reported by the first layer that needs it.
 */
record Flow(Shape shape, String origin, boolean inputUndeclared) {
    static final Flow UNKNOWN = new Flow(null, null, false);
    static final Flow NO_INPUT = new Flow(null, null, true);

    static Flow from(Layer layer) {
        return new Flow(layer.out(), layer.kind() + " (" + layer.span() + ") produces", false);
    }

    static Flow of(Shape shape, String origin) {
        return new Flow(shape, origin, false);
    }

    boolean isKnown() { return shape != null; }

    /** E.g. {@code relu (1:20) produces [256]}. */
    String describe() { return origin + " " + shape; }
}
