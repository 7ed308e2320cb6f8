package mtc.check;

/**
 * The element-wise activations, as PyTorch defines them. Each later stage says what it does for
 * each of these in one switch expression, which the Java compiler checks for exhaustiveness: a
 * new activation is a new constant here and one arm per stage.
 */
public enum ActivationKind {
    /** {@code nn.ReLU}: {@code max(x, 0)}. */
    RELU("relu", 1),
    /** {@code nn.Tanh}. */
    TANH("tanh", 1),
    /** {@code nn.Sigmoid}: {@code 1 / (1 + exp(-x))}. */
    SIGMOID("sigmoid", 1),
    /** {@code nn.GELU()}, the exact form {@code x/2 · (1 + erf(x/√2))}. */
    GELU("gelu", 1),
    /** {@code nn.LeakyReLU(negative_slope)}: {@code x > 0 ? x : slope · x}. */
    LEAKY_RELU("leaky_relu", 1);

    private final String keyword;
    private final int flopsPerElement;

    ActivationKind(String keyword, int flopsPerElement) {
        this.keyword = keyword;
        this.flopsPerElement = flopsPerElement;
    }

    /** The layer's name in {@code .mt} files. */
    public String keyword() { return keyword; }

    /** What the summary counts per element (as for relu: one operation, transcendental or not). */
    public int flopsPerElement() { return flopsPerElement; }
}
