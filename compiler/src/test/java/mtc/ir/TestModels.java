package mtc.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import mtc.check.ActivationKind;
import mtc.check.CheckedModel;
import mtc.check.Layer;
import mtc.check.PoolKind;
import mtc.check.Shape;
import mtc.check.Window;
import mtc.diag.Span;

/** Checked models built by hand, so that back-end tests do not depend on the front end. */
public final class TestModels {
    private static final Span AT = new Span(1, 1, 1);

    private TestModels() {}

    /**
     * {@link IrPipeline#build} without either fusion phase: every gradient stored, every parameter
     * updated by its own SGD step.
     */
    public static Program unfused(CheckedModel model) {
        return IrPipeline.build(Lowering.lower(model), false);
    }

    /** The seed architecture: linear -> batchnorm -> relu -> dropout(p) -> linear. */
    public static CheckedModel seed(int in, int hidden, int classes, double p) {
        return new Chain("Seed", Shape.of(in)).linear(hidden).batchNorm().relu().dropout(p).linear(classes).model();
    }

    /** Builds a chain layer by layer, computing each layer's shapes the way the checker does. */
    public static final class Chain {
        private final String name;
        private final Shape input;
        private final List<Layer> layers = new ArrayList<>();
        private Shape current;
        private OptionalDouble lr = OptionalDouble.empty();

        public Chain(String name, Shape input) {
            this.name = name;
            this.input = input;
            this.current = input;
        }

        public Chain linear(int out) {
            return add(new Layer.Linear(String.valueOf(layers.size()), AT, current, Shape.of(out), current.dim(0), out));
        }

        public Chain batchNorm() {
            return add(new Layer.BatchNorm(String.valueOf(layers.size()), AT, current, current, 1e-5, 0.1));
        }

        public Chain relu() {
            return activation(ActivationKind.RELU, 0);
        }

        public Chain activation(ActivationKind kind, double slope) {
            return add(new Layer.Activation(String.valueOf(layers.size()), AT, current, current, kind, slope));
        }

        public Chain dropout(double p) {
            return add(new Layer.Dropout(String.valueOf(layers.size()), AT, current, current, p));
        }

        public Chain flatten() {
            return add(new Layer.Flatten(String.valueOf(layers.size()), AT, current, Shape.of((int) current.size())));
        }

        /** {@code conv2d(out, k, stride, padding)} with a square window and dilation {@code dilation}. */
        public Chain conv2d(int out, int k, int stride, int padding, int dilation, boolean bias) {
            Window w = new Window(k, k, stride, stride, padding, padding, 2 * padding, 2 * padding, dilation, dilation);
            Shape next = Shape.of(out, (int) w.outHeight(current.dim(1)), (int) w.outWidth(current.dim(2)));
            return add(new Layer.Conv2d(String.valueOf(layers.size()), AT, current, next, current.dim(0), out, w, bias));
        }

        public Chain pool(PoolKind kind, int k, int stride, int padding) {
            Window w = new Window(k, k, stride, stride, padding, padding, 2 * padding, 2 * padding, 1, 1);
            Shape next = Shape.of(current.dim(0), (int) w.outHeight(current.dim(1)), (int) w.outWidth(current.dim(2)));
            return add(new Layer.Pool2d(String.valueOf(layers.size()), AT, current, next, kind, w));
        }

        public Chain globalAvgPool() {
            Window w = new Window(current.dim(1), current.dim(2), 1, 1, 0, 0, 0, 0, 1, 1);
            return add(new Layer.Pool2d(String.valueOf(layers.size()), AT, current, Shape.of(current.dim(0), 1, 1),
                    PoolKind.GLOBAL_AVERAGE, w));
        }

        public Chain lr(double value) {
            lr = OptionalDouble.of(value);
            return this;
        }

        public CheckedModel model() {
            CheckedModel.Optimizer optimizer = lr.isPresent() ? new CheckedModel.Optimizer("sgd", lr) : null;
            return new CheckedModel(name, input, layers, CheckedModel.Loss.CROSS_ENTROPY, optimizer);
        }

        private Chain add(Layer layer) {
            layers.add(layer);
            current = layer.out();
            return this;
        }
    }
}
