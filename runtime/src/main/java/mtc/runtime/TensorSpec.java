package mtc.runtime;

import java.util.List;

/**
 * One entry of a model's state dict: its PyTorch name ({@code 0.weight}), element type and shape,
 * and how the network stores it. A {@code transposed} tensor (always 2-D: a linear weight
 * {@code [out,in]}) is kept as its transpose, element {@code [r][c]} at {@code c·rows + r};
 * {@link StateLayout} converts between that and the state dict's row-major order.
 */
public record TensorSpec(String name, DType dtype, List<Integer> shape, boolean transposed) {
    public TensorSpec {
        shape = List.copyOf(shape);
        if (transposed && shape.size() != 2) {
            throw new IllegalArgumentException("only a 2-D tensor is stored transposed");
        }
    }

    /** A tensor stored in the state dict's own row-major order. */
    public TensorSpec(String name, DType dtype, List<Integer> shape) {
        this(name, dtype, shape, false);
    }

    public long numel() {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }
}
