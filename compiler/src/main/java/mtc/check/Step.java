package mtc.check;

/**
 * The result of checking one layer: the checked layer (null when it has an error), what flows on,
 * and the model's input shape when this layer is the one that fixes it ({@code linear(784, ...)}).
 */
record Step(Layer layer, Flow out, Shape inferredInput) {
    static Step of(Layer layer) {
        return new Step(layer, Flow.from(layer), null);
    }

    static Step failed(Flow out) {
        return new Step(null, out, null);
    }
}
