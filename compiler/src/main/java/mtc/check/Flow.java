package mtc.check;

/**
 * What flows into the next layer: a known shape with the words naming where it came from
 * ({@code relu at 1:20 produces}), or an unknown shape. An unknown shape after an error is silent, so
 * that one mistake gives one diagnostic; an unknown shape because the file has no {@code input}
 * statement is reported by the first layer that needs it. {@code trail} is the image sizes so far
 * ({@code 28 -> conv2d(k=5) 24 -> maxpool2d(2) 12}), null when nothing has changed them: what a
 * window that does not fit shows as the arithmetic that led there.
 */
record Flow(Shape shape, String origin, boolean inputUndeclared, String trail) {
    static final Flow UNKNOWN = new Flow(null, null, false, null);
    static final Flow NO_INPUT = new Flow(null, null, true, null);

    static Flow from(Layer layer) {
        return new Flow(layer.out(), layer.kind() + " at " + layer.span() + " produces", false, null);
    }

    static Flow of(Shape shape, String origin) {
        return new Flow(shape, origin, false, null);
    }

    Flow withTrail(String newTrail) {
        return new Flow(shape, origin, inputUndeclared, newTrail);
    }

    boolean isKnown() { return shape != null; }

    /** E.g. {@code relu at 1:20 produces [256]}. */
    String describe() { return origin + " " + shape; }

    /** The sizes so far, starting from this image's own when no layer has changed them yet. */
    String sizes() {
        return trail != null ? trail : ImageSize.of(shape);
    }
}
