package mtc.runtime;

import java.util.List;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;

/**
 * What the runtime needs to know about a compiled model without looking inside it.
 *
 * @param name       the model's name
 * @param inputShape the shape of one sample, e.g. {@code [784]}
 * @param classes    the number of output classes (the size of the final {@code [C]} shape)
 * @param tensors    the state dict in PyTorch order: parameters, running statistics and
 *                   {@code num_batches_tracked} counters (I64, shape {@code []})
 * @param defaultLr  the learning rate from the file's {@code optimizer} statement, or NaN
 * @param optimizer  the file's {@code optimizer} statement, or null when it has none
 * @param schedule   the file's {@code schedule} statement, or null when it has none
 */
public record NetworkSpec(String name, List<Integer> inputShape, int classes, List<TensorSpec> tensors,
                          double defaultLr, OptimizerSpec optimizer, ScheduleSpec schedule) {
    public NetworkSpec {
        inputShape = List.copyOf(inputShape);
        tensors = List.copyOf(tensors);
    }

    /** A model whose file names no optimizer and no schedule. */
    public NetworkSpec(String name, List<Integer> inputShape, int classes, List<TensorSpec> tensors,
                       double defaultLr) {
        this(name, inputShape, classes, tensors, defaultLr, null, null);
    }

    public int inputSize() {
        int n = 1;
        for (int d : inputShape) n *= d;
        return n;
    }
}
