package mtc.ir;

import java.util.ArrayList;
import java.util.List;
import mtc.check.CheckedModel;
import mtc.check.Layer;
import mtc.check.Shape;
import mtc.ir.Buffer.Role;

/**
 * Lowers a checked model to forward IR: each layer becomes a few ops with constant feature
 * sizes, in training and in evaluation mode, plus the ops that give its state PyTorch's default
 * initial values. Evaluation shares the training buffers; layers that are the identity in
 * evaluation (dropout) or views (flatten) produce no op there, only a new name for the same data.
 */
public final class Lowering {
    /** Outputs from which a linear weight is stored transposed: one 512-bit vector of floats. */
    static final int WIDE_OUTPUTS = 16;

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
        model.layers().forEach(lowering::layer);
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

    private void layer(Layer layer) {
        if (layer instanceof Layer.Linear linear) linear(linear);
        else if (layer instanceof Layer.BatchNorm batchNorm) batchNorm(batchNorm);
        else if (layer instanceof Layer.Relu relu) relu(relu);
        else if (layer instanceof Layer.Dropout dropout) dropout(dropout);
        else if (layer instanceof Layer.Flatten flatten) flatten(flatten);
        else throw new IllegalArgumentException("no lowering for layer " + layer.kind());
    }

    /**
     * PyTorch's {@code nn.Linear}: kaiming_uniform(a=√5) weights and bias both reduce to U(±1/√in).
     * The weight of a layer with at least {@link #WIDE_OUTPUTS} outputs is stored transposed,
     * {@code [in,out]}: the forward product then reads it in place, and its rows are what a zero
     * input element lets the product skip. A narrower layer (a classifier's few outputs) keeps
     * PyTorch's {@code [out,in]}, whose rows its products read as dot products along {@code in}.
     */
    private void linear(Layer.Linear layer) {
        int in = layer.inFeatures();
        int out = layer.outFeatures();
        String name = layer.index() + ".weight";
        boolean wide = out >= WIDE_OUTPUTS;
        Buffer weight = wide ? Buffer.fixedTransposed(name, Role.PARAMETER, Shape.of(out, in))
                : Buffer.fixed(name, Role.PARAMETER, Shape.of(out, in));
        state.add(weight);
        Buffer bias = parameter(layer, "bias", Shape.of(out));
        float bound = (float) (1 / Math.sqrt(in));
        init.add(new Op.InitUniform(weight, bound));
        init.add(new Op.InitUniform(bias, bound));
        Buffer y = output(layer);
        boolean data = wide && trainValue.role() == Role.INPUT; // a flatten of the input is still the input
        train.add(new Op.MatMul(trainValue, weight, y, in, out, data));
        train.add(new Op.BiasAdd(y, bias, out));
        eval.add(new Op.MatMul(evalValue, weight, y, in, out, data));
        eval.add(new Op.BiasAdd(y, bias, out));
        trainValue = evalValue = y;
    }

    private void batchNorm(Layer.BatchNorm layer) {
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
                Buffer.batched(layer.index() + ".xhat", Role.SAVED, layer.in()),
                Buffer.fixed(layer.index() + ".invstd", Role.SAVED, perChannel));
        Buffer y = output(layer);
        float eps = (float) layer.eps();
        train.add(new Op.BatchNormTrain(trainValue, y, s, saved, channels, spatial, eps, (float) layer.momentum()));
        eval.add(new Op.BatchNormEval(evalValue, y, s, channels, spatial, eps));
        trainValue = evalValue = y;
    }

    private void relu(Layer.Relu layer) {
        Buffer y = output(layer);
        train.add(new Op.Relu(trainValue, y, y.size()));
        eval.add(new Op.Relu(evalValue, y, y.size()));
        trainValue = evalValue = y;
    }

    /** Training only: in evaluation, inverted dropout is the identity (and with p = 0, always). */
    private void dropout(Layer.Dropout layer) {
        if (layer.p() == 0) return;
        Buffer y = output(layer);
        Buffer mask = Buffer.batched(layer.index() + ".mask", Role.SAVED, layer.out());
        train.add(new Op.DropoutTrain(trainValue, y, mask, y.size(), (float) layer.p()));
        trainValue = y;
    }

    /** Row-major data is already flat: flatten renames, it does not copy. */
    private void flatten(Layer.Flatten layer) {
        trainValue = trainValue.view(layer.out());
        evalValue = evalValue.view(layer.out());
    }

    private void loss(int classes) {
        Buffer probs = Buffer.batched("probs", Role.ACTIVATION, Shape.of(classes));
        train.add(new Op.SoftmaxCrossEntropy(trainValue, probs, classes));
        eval.add(new Op.SoftmaxEval(evalValue, classes));
    }

    private Buffer output(Layer layer) {
        return Buffer.batched(layer.index() + ".out", Role.ACTIVATION, layer.out());
    }

    private Buffer parameter(Layer layer, String name, Shape shape) {
        return stateTensor(layer, name, Role.PARAMETER, shape);
    }

    private Buffer stateTensor(Layer layer, String name, Role role, Shape shape) {
        Buffer buffer = Buffer.fixed(layer.index() + "." + name, role, shape);
        state.add(buffer);
        return buffer;
    }
}
