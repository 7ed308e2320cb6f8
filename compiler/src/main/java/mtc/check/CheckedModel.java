package mtc.check;

import java.util.List;
import java.util.OptionalDouble;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;

/**
 * A model whose every shape is known and valid: the output of the checker and the input of lowering.
 *
 * @param name      the model's class name ({@code model X}, else the file name in CamelCase)
 * @param input     the shape of one sample
 * @param layers    the chain, in order; {@code layers.get(i).index() == i}
 * @param loss      the loss; only {@code cross_entropy} exists today
 * @param optimizer the {@code optimizer} statement's defaults, or null when the file has none
 * @param schedule  the {@code schedule} statement, or null when the file has none
 */
public record CheckedModel(String name, Shape input, List<Layer> layers, Loss loss, Optimizer optimizer,
                           ScheduleSpec schedule, String data) {
    public CheckedModel {
        layers = List.copyOf(layers);
    }

    /** A model whose file has no {@code schedule} statement and names no data set. */
    public CheckedModel(String name, Shape input, List<Layer> layers, Loss loss, Optimizer optimizer) {
        this(name, input, layers, loss, optimizer, null, null);
    }

    public Shape output() {
        return layers.isEmpty() ? input : layers.get(layers.size() - 1).out();
    }

    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    public long flopsPerSample() {
        return layers.stream().mapToLong(Layer::flopsPerSample).sum();
    }

    public enum Loss { CROSS_ENTROPY }

    /** {@code optimizer sgd(lr = 0.1)}: the name, the learning rate if given, and every setting (PyTorch's defaults where left out). */
    public record Optimizer(String name, OptionalDouble lr, OptimizerSpec spec) {
        /** Plain SGD, or the defaults of optimizer {@code name}, with {@code lr}. */
        public Optimizer(String name, OptionalDouble lr) {
            this(name, lr, OptimizerSpec.defaults(OptimizerSpec.Kind.of(name)).withLr(lr.orElse(Double.NaN)));
        }
    }
}
