package mtc.ir;

import mtc.check.Shape;

/**
 * A value of the IR: a tensor that one op defines and later ops read. A batched value holds
 * {@code shape} per sample (its full shape is {@code [B, ...shape]} with the batch size {@code B}
 * known only at run time); any other value has exactly {@code shape}. Names are unique within a
 * program and follow the PyTorch state dict for state tensors ({@code 0.weight}).
 *
 * <p>Values are defined once, except state tensors (parameters, running statistics), which are
 * the model's mutable state: initialised, then updated in place by training. Where a value is
 * stored, and whether two values share storage, is decided by {@link BufferPlan}, and how a
 * weight is laid out in memory by code generation; neither is visible to the passes.
 */
public record Buffer(String name, Role role, Shape shape, boolean batched) {
    /** What a value holds, which decides where it lives and whether it is saved. */
    public enum Role {
        /** The batch of samples given by the caller (or a view of it). */
        INPUT,
        /** Trained by the optimizer; in the state dict. */
        PARAMETER,
        /** Running statistics; in the state dict, not trained. */
        RUNNING_STAT,
        /** An I64 counter ({@code num_batches_tracked}); in the state dict. */
        COUNTER,
        /** A layer's output, or the loss's probabilities. */
        ACTIVATION,
        /** Kept by a forward op for its backward op (masks, normalised inputs, statistics). */
        SAVED,
        /** The gradient of the loss with respect to another value. */
        GRADIENT,
        /**
         * The optimizer's state of one parameter (momentum buffer, Adam's moments): kept across
         * steps like a parameter, but not in the state dict (saved apart) and never sharing storage.
         */
        OPTIMIZER_STATE;

        public boolean inStateDict() {
            return this == PARAMETER || this == RUNNING_STAT || this == COUNTER;
        }
    }

    public static Buffer batched(String name, Role role, Shape perSample) {
        return new Buffer(name, role, perSample, true);
    }

    public static Buffer fixed(String name, Role role, Shape shape) {
        return new Buffer(name, role, shape, false);
    }

    /** Elements per sample when batched, else in total. */
    public int size() {
        return Math.toIntExact(shape.size());
    }

    /** The shape as the IR printer shows it, e.g. {@code [B,256]} or {@code [256,784]}. */
    public String shapeText() {
        if (!batched) return shape.toString();
        return shape.rank() == 0 ? "[B]" : "[B," + shape.toString().substring(1);
    }

    @Override
    public String toString() {
        return name + shapeText();
    }
}
