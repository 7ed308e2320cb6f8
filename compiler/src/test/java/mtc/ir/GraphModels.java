package mtc.ir;

import java.util.ArrayList;
import java.util.List;
import mtc.check.ActivationKind;
import mtc.check.Shape;
import mtc.ir.Buffer.Role;

/**
 * Forward IR built by hand for graphs the language cannot write yet: a value read by two ops.
 * {@code x[in] -> linear(width) = h -> [batchnorm = n] -> relu(h or n) + (h or n) -> linear(classes)}.
 */
public final class GraphModels {
    private final List<Buffer> state = new ArrayList<>();
    private final List<Op> init = new ArrayList<>();
    private final List<Op> train = new ArrayList<>();
    private final List<Op> eval = new ArrayList<>();

    private GraphModels() {}

    /** {@code y = relu(h) + h}, with {@code norm} a batch norm in between: {@code n = bn(h); y = relu(n) + n}. */
    /** The checked model of {@code text}, a whole .mt file (failing the test on any error). */
    public static mtc.check.CheckedModel checked(String text) {
        mtc.driver.FrontendResult result = mtc.driver.Frontend.check(new mtc.diag.SourceFile("test.mt", text));
        if (result.model() == null) throw new AssertionError(result.diagnostics().toString());
        return result.model();
    }

    public static Lowered residualRelu(int in, int width, int classes, boolean norm) {
        GraphModels g = new GraphModels();
        Buffer x = Buffer.batched("x", Role.INPUT, Shape.of(in));
        Buffer h = g.linear(0, x, x, in, width)[0];
        Buffer hEval = g.evalOf(h);
        if (norm) {
            Buffer[] n = g.batchNorm(1, h, hEval, width);
            h = n[0];
            hEval = n[1];
        }
        Buffer r = value("2.out", width), rEval = value("eval.2.out", width);
        g.train.add(new Op.Activation(ActivationKind.RELU, 0, h, r, width));
        g.eval.add(new Op.Activation(ActivationKind.RELU, 0, hEval, rEval, width));
        Buffer s = value("3.out", width), sEval = value("eval.3.out", width);
        g.train.add(new Op.Add(r, h, s, width));
        g.eval.add(new Op.Add(rEval, hEval, sEval, width));
        Buffer[] logits = g.linear(4, s, sEval, width, classes);
        g.train.add(new Op.SoftmaxCrossEntropy(logits[0], value("probs", classes), classes));
        g.eval.add(new Op.SoftmaxEval(logits[1], classes));
        return new Lowered(norm ? "ResidualNorm" : "Residual", Shape.of(in), classes, Double.NaN, g.state, g.init,
                g.train, g.eval);
    }

    /** Training and evaluation outputs of {@code linear(in, out)} at {@code index}. */
    private Buffer[] linear(int index, Buffer x, Buffer xEval, int in, int out) {
        Buffer w = parameter(index + ".weight", Shape.of(out, in));
        Buffer b = parameter(index + ".bias", Shape.of(out));
        float bound = (float) (1 / Math.sqrt(in));
        init.add(new Op.InitUniform(w, bound));
        init.add(new Op.InitUniform(b, bound));
        Buffer p = value(index + ".product", out), y = value(index + ".out", out);
        Buffer pEval = value("eval." + p.name(), out), yEval = value("eval." + y.name(), out);
        train.add(new Op.MatMul(x, w, p, in, out));
        train.add(new Op.BiasAdd(p, b, y, out, 1));
        eval.add(new Op.MatMul(xEval, w, pEval, in, out));
        eval.add(new Op.BiasAdd(pEval, b, yEval, out, 1));
        return new Buffer[] {y, yEval};
    }

    private Buffer[] batchNorm(int index, Buffer x, Buffer xEval, int c) {
        Op.BatchNormState s = new Op.BatchNormState(parameter(index + ".weight", Shape.of(c)),
                parameter(index + ".bias", Shape.of(c)), stat(index + ".running_mean", Role.RUNNING_STAT, c),
                stat(index + ".running_var", Role.RUNNING_STAT, c),
                stateTensor(Buffer.fixed(index + ".num_batches_tracked", Role.COUNTER, Shape.of())));
        init.addAll(List.of(new Op.InitFill(s.gamma(), 1), new Op.InitFill(s.beta(), 0),
                new Op.InitFill(s.runningMean(), 0), new Op.InitFill(s.runningVar(), 1),
                new Op.InitCounter(s.batchesTracked())));
        Op.BatchNormSaved saved = new Op.BatchNormSaved(Buffer.batched(index + ".xhat", Role.SAVED, Shape.of(c)),
                Buffer.fixed(index + ".invstd", Role.SAVED, Shape.of(c)));
        Buffer y = value(index + ".out", c), yEval = value("eval." + index + ".out", c);
        train.add(new Op.BatchNormTrain(x, y, s, saved, c, 1, 1e-5f, 0.1f));
        eval.add(new Op.BatchNormEval(xEval, yEval, s, c, 1, 1e-5f));
        return new Buffer[] {y, yEval};
    }

    private Buffer evalOf(Buffer b) {
        return eval.stream().flatMap(op -> op.writes().stream())
                .filter(w -> w.name().equals("eval." + b.name())).findFirst().orElseThrow();
    }

    private static Buffer value(String name, int width) {
        return Buffer.batched(name, Role.ACTIVATION, Shape.of(width));
    }

    private Buffer parameter(String name, Shape shape) {
        return stateTensor(Buffer.fixed(name, Role.PARAMETER, shape));
    }

    private Buffer stat(String name, Role role, int c) {
        return stateTensor(Buffer.fixed(name, role, Shape.of(c)));
    }

    private Buffer stateTensor(Buffer b) {
        state.add(b);
        return b;
    }
}
