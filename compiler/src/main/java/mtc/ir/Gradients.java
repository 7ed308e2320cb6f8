package mtc.ir;

/**
 * What the derivative rule of a forward op ({@link Op.Forward#derive}) asks of reverse-mode
 * derivation ({@link Autodiff}). A rule reads the gradient of each value it defined and
 * contributes to the gradient of each value it read; derivation sums the contributions of a
 * value read by several ops, so that no rule needs to know how often its inputs are used.
 */
public interface Gradients {
    /** Whether the loss's gradient with respect to {@code b} is wanted: {@code b} depends on a parameter. */
    boolean needs(Buffer b);

    /** The gradient of the loss with respect to {@code b}, a value this op defined. */
    Buffer of(Buffer b);

    /**
     * A new value for this op's contribution to {@code b}'s gradient. When {@code b} needs none, the
     * value is still made (for kernels that compute it anyway) but never read.
     */
    Buffer contribution(Buffer b);

    /** This op's contribution to {@code b}'s gradient is the existing value {@code gradient} (an identity). */
    void pass(Buffer b, Buffer gradient);
}
