package mtc.runtime;

import java.util.List;

/** One entry of a model's state dict: its PyTorch name ({@code 0.weight}), element type and shape. */
public record TensorSpec(String name, DType dtype, List<Integer> shape) {
    public TensorSpec {
        shape = List.copyOf(shape);
    }

    public long numel() {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }
}
