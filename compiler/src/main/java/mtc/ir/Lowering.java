package mtc.ir;

import java.util.ArrayList;
import java.util.List;
import mtc.check.CheckedModel;
import mtc.check.Layer;
import mtc.check.Shape;
import mtc.check.Window;
import mtc.ir.Buffer.Role;

/**
 * Lowers a checked model to forward IR: each layer becomes a few ops with constant feature
 * sizes, in training and in evaluation mode, plus the ops that give its state PyTorch's default
 * initial values. Each layer's ops define new values; evaluation reads the same state. Layers
 * that are the identity in evaluation (dropout) produce no op there.
 */
public final class Lowering implements Layer.Visitor<Void> {
    private final List<Buffer> state = new ArrayList<>();
    private final List<Op> init = new ArrayList<>();
    private final List<Op> train = new ArrayList<>();
    private final List<Op> eval = new ArrayList<>();
    /** The value the next layer reads, in each mode. */
    private Buffer trainValue;
    private Buffer evalValue;

    private Lowering(Shape input) {
        trainValue = Buffer.batched("x", Role.INPUT, input);
        evalValue = trainValue;
    }

    public static Lowered lower(CheckedModel model) {
        Lowering lowering = new Lowering(model.input());
        model.layers().forEach(layer -> layer.accept(lowering));
        int classes = classes(model.output());
        lowering.loss(classes);
        double lr = model.optimizer() == null ? Double.NaN : model.optimizer().lr().orElse(Double.NaN);
        return new Lowered(model.name(), model.input(), classes, lr, lowering.state, lowering.init,
                lowering.train, lowering.eval);
    }

    private static int classes(Shape output) {
        if (output.rank() != 1) throw new IllegalArgumentException("cross_entropy needs a [C] output, not " + output);
        return output.dim(0);
    }

    /** PyTorch's {@code nn.Linear}: kaiming_uniform(a=√5) weights and bias both reduce to U(±1/√in). */
    @Override
    public Void visit(Layer.Linear layer) {
        int in = layer.inFeatures();
        int out = layer.outFeatures();
        Buffer weight = parameter(layer, "weight", Shape.of(out, in));
        Buffer bias = parameter(layer, "bias", Shape.of(out));
        float bound = (float) (1 / Math.sqrt(in));
        init.add(new Op.InitUniform(weight, bound));
        init.add(new Op.InitUniform(bias, bound));
        Buffer product = value(layer.path() + ".product", layer.out());
        Buffer y = output(layer);
        train.add(new Op.MatMul(trainValue, weight, product, in, out));
        train.add(new Op.BiasAdd(product, bias, y, out, 1));
        Buffer evalProduct = evalValue(product), evalY = evalValue(y);
        eval.add(new Op.MatMul(evalValue, weight, evalProduct, in, out));
        eval.add(new Op.BiasAdd(evalProduct, bias, evalY, out, 1));
        trainValue = y;
        evalValue = evalY;
        return null;
    }

    /** PyTorch's {@code nn.Conv2d}: kaiming_uniform(a=√5) weights and bias both U(±1/√fan_in), fan_in = in·kh·kw. */
    @Override
    public Void visit(Layer.Conv2d layer) {
        Window window = layer.window();
        int cout = layer.outChannels();
        Buffer weight = parameter(layer, "weight", Shape.of(cout, layer.inChannels(), window.kh(), window.kw()));
        float bound = (float) (1 / Math.sqrt((double) layer.inChannels() * window.kh() * window.kw()));
        init.add(new Op.InitUniform(weight, bound));
        ImageGeometry geometry = geometry(layer.in(), layer.out(), window);
        Buffer convolved = layer.bias() ? value(layer.path() + ".product", layer.out()) : output(layer);
        train.add(new Op.Conv2d(trainValue, weight, convolved, geometry));
        Buffer evalConvolved = evalValue(convolved);
        eval.add(new Op.Conv2d(evalValue, weight, evalConvolved, geometry));
        trainValue = convolved;
        evalValue = evalConvolved;
        if (!layer.bias()) return null;
        Buffer bias = parameter(layer, "bias", Shape.of(cout));
        init.add(new Op.InitUniform(bias, bound));
        int spatial = geometry.oh() * geometry.ow();
        Buffer y = output(layer), evalY = evalValue(y);
        train.add(new Op.BiasAdd(convolved, bias, y, cout, spatial));
        eval.add(new Op.BiasAdd(evalConvolved, bias, evalY, cout, spatial));
        trainValue = y;
        evalValue = evalY;
        return null;
    }

    @Override
    public Void visit(Layer.Pool2d layer) {
        ImageGeometry geometry = geometry(layer.in(), layer.out(), layer.window());
        Buffer y = output(layer), evalY = evalValue(y);
        train.add(new Op.Pool2d(layer.pooling(), trainValue, y, geometry));
        eval.add(new Op.Pool2d(layer.pooling(), evalValue, evalY, geometry));
        trainValue = y;
        evalValue = evalY;
        return null;
    }

    /** The body and the shortcut from the same input, then their sum: the input's value is read twice. */
    @Override
    public Void visit(Layer.Residual layer) {
        Buffer inTrain = trainValue, inEval = evalValue;
        layer.body().forEach(l -> l.accept(this));
        Buffer bodyTrain = trainValue, bodyEval = evalValue;
        trainValue = inTrain;
        evalValue = inEval;
        layer.shortcut().forEach(l -> l.accept(this));
        Buffer y = output(layer), evalY = evalValue(y);
        train.add(new Op.Add(bodyTrain, trainValue, y, y.size()));
        eval.add(new Op.Add(bodyEval, evalValue, evalY, y.size()));
        trainValue = y;
        evalValue = evalY;
        return null;
    }

    private static ImageGeometry geometry(Shape in, Shape out, Window window) {
        return new ImageGeometry(in.dim(0), in.dim(1), in.dim(2), out.dim(0), window, out.dim(1), out.dim(2));
    }

    @Override
    public Void visit(Layer.BatchNorm layer) {
        int channels = layer.features();
        int spatial = Math.toIntExact(layer.in().size() / channels);
        Shape perChannel = Shape.of(channels);
        Op.BatchNormState s = new Op.BatchNormState(parameter(layer, "weight", perChannel),
                parameter(layer, "bias", perChannel), stateTensor(layer, "running_mean", Role.RUNNING_STAT, perChannel),
                stateTensor(layer, "running_var", Role.RUNNING_STAT, perChannel),
                stateTensor(layer, "num_batches_tracked", Role.COUNTER, Shape.of()));
        init.addAll(List.of(new Op.InitFill(s.gamma(), 1), new Op.InitFill(s.beta(), 0),
                new Op.InitFill(s.runningMean(), 0), new Op.InitFill(s.runningVar(), 1),
                new Op.InitCounter(s.batchesTracked())));
        Op.BatchNormSaved saved = new Op.BatchNormSaved(
                Buffer.batched(layer.path() + ".xhat", Role.SAVED, layer.in()),
                Buffer.fixed(layer.path() + ".invstd", Role.SAVED, perChannel));
        Buffer y = output(layer);
        float eps = (float) layer.eps();
        train.add(new Op.BatchNormTrain(trainValue, y, s, saved, channels, spatial, eps, (float) layer.momentum()));
        Buffer evalY = evalValue(y);
        eval.add(new Op.BatchNormEval(evalValue, evalY, s, channels, spatial, eps));
        trainValue = y;
        evalValue = evalY;
        return null;
    }

    @Override
    public Void visit(Layer.Activation layer) {
        Buffer y = output(layer);
        float slope = (float) layer.slope();
        train.add(new Op.Activation(layer.function(), slope, trainValue, y, y.size()));
        Buffer evalY = evalValue(y);
        eval.add(new Op.Activation(layer.function(), slope, evalValue, evalY, y.size()));
        trainValue = y;
        evalValue = evalY;
        return null;
    }

    /** Training only: in evaluation, inverted dropout is the identity (and with p = 0, always). */
    @Override
    public Void visit(Layer.Dropout layer) {
        if (layer.p() == 0) return null;
        Buffer y = output(layer);
        Buffer mask = Buffer.batched(layer.path() + ".mask", Role.SAVED, layer.out());
        train.add(new Op.DropoutTrain(trainValue, y, mask, y.size(), (float) layer.p()));
        trainValue = y;
        return null;
    }

    /** A view: a flatten of the input batch is still the input batch, anything else an activation. */
    @Override
    public Void visit(Layer.Flatten layer) {
        Buffer y = Buffer.batched(layer.path() + ".out", trainValue.role(), layer.out());
        Buffer evalY = Buffer.batched("eval." + y.name(), evalValue.role(), layer.out());
        train.add(new Op.Reshape(trainValue, y));
        eval.add(new Op.Reshape(evalValue, evalY));
        trainValue = y;
        evalValue = evalY;
        return null;
    }

    private void loss(int classes) {
        Buffer probs = Buffer.batched("probs", Role.ACTIVATION, Shape.of(classes));
        train.add(new Op.SoftmaxCrossEntropy(trainValue, probs, classes));
        eval.add(new Op.SoftmaxEval(evalValue, classes));
    }

    private Buffer output(Layer layer) {
        return value(layer.path() + ".out", layer.out());
    }

    private static Buffer value(String name, Shape shape) {
        return Buffer.batched(name, Role.ACTIVATION, shape);
    }

    /**
     * Evaluation's own value for what {@code train} is in training: the two passes compute different
     * things from different inputs (no dropout, running statistics), so they share no value.
     */
    private static Buffer evalValue(Buffer train) {
        return value("eval." + train.name(), train.shape());
    }

    private Buffer parameter(Layer layer, String name, Shape shape) {
        return stateTensor(layer, name, Role.PARAMETER, shape);
    }

    private Buffer stateTensor(Layer layer, String name, Role role, Shape shape) {
        Buffer buffer = Buffer.fixed(layer.path() + "." + name, role, shape);
        state.add(buffer);
        return buffer;
    }
}
