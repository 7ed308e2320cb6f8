package mtc.ir;

import mtc.check.Shape;

/**
 * A named array that IR ops read and write. A batched buffer holds {@code shape} per sample (its
 * full shape is {@code [B, ...shape]} with the batch size {@code B} known only at run time); any
 * other buffer has exactly {@code shape}. Names are unique within a program and follow the
 * PyTorch state dict for state tensors ({@code 0.weight}), and so do shapes: a {@code transposed}
 * buffer has the 2-D {@code shape} of its state-dict entry but is stored as its transpose
 * (column-major), which is how the weights of wide linear layers are kept: {@code [in,out]} rows
 * let the forward product read them in place (see {@link Lowering}).
 */
public record Buffer(String name, Role role, Shape shape, boolean batched, boolean transposed) {
    public Buffer {
        if (transposed && (batched || shape.rank() != 2)) {
            throw new IllegalArgumentException("only a fixed 2-D buffer can be stored transposed: " + name);
        }
    }

    /** What a buffer holds, which decides where it lives and whether it is saved. */
    public enum Role {
        /** The batch of samples given by the caller. */
        INPUT,
        /** Trained by SGD; in the state dict. */
        PARAMETER,
        /** Running statistics; in the state dict, not trained. */
        RUNNING_STAT,
        /** An I64 counter ({@code num_batches_tracked}); in the state dict. */
        COUNTER,
        /** A layer's output, or the loss's probabilities. */
        ACTIVATION,
        /** Kept by a forward op for its backward op (masks, normalised inputs, statistics). */
        SAVED,
        /** The gradient of the loss with respect to another buffer. */
        GRADIENT;

        public boolean inStateDict() {
            return this == PARAMETER || this == RUNNING_STAT || this == COUNTER;
        }
    }

    public static Buffer batched(String name, Role role, Shape perSample) {
        return new Buffer(name, role, perSample, true, false);
    }

    public static Buffer fixed(String name, Role role, Shape shape) {
        return new Buffer(name, role, shape, false, false);
    }

    /** A fixed {@code [rows, cols]} buffer stored as its {@code [cols, rows]} transpose. */
    public static Buffer fixedTransposed(String name, Role role, Shape shape) {
        return new Buffer(name, role, shape, false, true);
    }

    /** Elements per sample when batched, else in total. */
    public int size() {
        return Math.toIntExact(shape.size());
    }

    /** The same array seen with another per-sample shape (what {@code flatten} produces). */
    public Buffer view(Shape newShape) {
        return new Buffer(name, role, newShape, batched, transposed);
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
