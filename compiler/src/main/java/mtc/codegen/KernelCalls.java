package mtc.codegen;

import java.util.ArrayList;
import java.util.List;
import mtc.check.ActivationKind;
import mtc.check.PoolKind;
import mtc.check.Window;
import mtc.ir.Buffer;
import mtc.ir.ImageGeometry;
import mtc.ir.Op;
import mtc.ir.OpVisitor;
import mtc.ir.Program;

import static mtc.codegen.Arg.Field.INPUT;
import static mtc.codegen.Arg.Field.LABELS;
import static mtc.codegen.Arg.Field.OPTIMIZER;
import static mtc.codegen.Arg.Field.PROBS;
import static mtc.codegen.Arg.Field.RNG;
import static mtc.codegen.Arg.Field.SCRATCH;
import static mtc.codegen.Arg.Field.STATS;
import static mtc.codegen.Arg.Parameter.BATCH;
import static mtc.codegen.Arg.Parameter.LR;

/**
 * Maps each IR op to the kernel call that implements it, with every feature size a constant
 * operand and the batch size the generated method's argument; a view ({@link Op.Reshape}) has no
 * call. Gemm argument order: {@code nt/tn/nn(a, b, c, m, n, k)}; a linear weight is stored
 * {@code [in,out]} when {@link KernelChoice} transposes it, else {@code [out,in]}, and each product
 * takes the form that reads it as it lies.
 */
final class KernelCalls implements OpVisitor<KernelCall> {
    private final Program program;
    private final KernelChoice choice;

    KernelCalls(Program program, KernelChoice choice) {
        this.program = program;
        this.choice = choice;
    }

    private Arg a(Buffer b) {
        if (b.role() == Buffer.Role.INPUT) return INPUT;
        int slot = program.slot(b);
        return b.role() == Buffer.Role.COUNTER ? new Arg.LongSlot(slot) : new Arg.FloatSlot(slot);
    }

    /** The batch size for a batched value, else 1 (a fixed value is one row). */
    private static Arg rows(Buffer b) {
        return b.batched() ? BATCH : i(1);
    }

    private static Arg i(int value) { return new Arg.IntConst(value); }

    private static Arg f(float value) { return new Arg.FloatConst(value); }

    @Override
    public KernelCall visit(Op.MatMul op) {
        if (!choice.transposed(op.weight())) {
            return KernelCall.of("Gemm", "nt", a(op.in()), a(op.weight()), a(op.out()),
                    BATCH, i(op.outFeatures()), i(op.inFeatures()));
        }
        return KernelCall.of("Gemm", choice.skipsZeros(op.in(), op.weight()) ? "nnSparse" : "nn", a(op.in()), a(op.weight()), a(op.out()),
                BATCH, i(op.outFeatures()), i(op.inFeatures()));
    }

    @Override
    public KernelCall visit(Op.BiasAdd op) {
        if (op.spatial() > 1) {
            return KernelCall.of("Channels", "biasAdd", a(op.in()), a(op.bias()), a(op.out()), BATCH,
                    i(op.features()), i(op.spatial()));
        }
        return KernelCall.of("Linear", "biasAdd", a(op.in()), a(op.bias()), a(op.out()), BATCH, i(op.features()));
    }

    @Override
    public KernelCall visit(Op.Conv2d op) {
        return convolution("forward", List.of(a(op.in()), a(op.weight()), a(op.out())), op.geometry());
    }

    @Override
    public KernelCall visit(Op.Conv2dGradInput op) {
        return convolution("gradInput", List.of(a(op.dOut()), a(op.weight()), a(op.dIn())), op.geometry());
    }

    @Override
    public KernelCall visit(Op.Conv2dGradWeight op) {
        return convolution("gradWeight", List.of(a(op.dOut()), a(op.in()), a(op.dWeight())), op.geometry());
    }

    /** {@code Conv2d.method(arrays..., n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow)}. */
    private static KernelCall convolution(String method, List<Arg> arrays, ImageGeometry g) {
        Window k = g.window();
        List<Arg> args = new ArrayList<>(arrays);
        args.addAll(List.of(BATCH, i(g.channelsIn()), i(g.h()), i(g.w()), i(g.channelsOut()), i(k.kh()), i(k.kw()),
                i(k.sh()), i(k.sw()), i(k.padTop()), i(k.padLeft()), i(k.dh()), i(k.dw()), i(g.oh()), i(g.ow())));
        return new KernelCall("Conv2d", method, args);
    }

    @Override
    public KernelCall visit(Op.Pool2d op) {
        String method = op.kind() == PoolKind.MAX ? "maxForward" : "avgForward";
        return pooling(method, List.of(a(op.in()), a(op.out())), op.geometry());
    }

    @Override
    public KernelCall visit(Op.Pool2dGrad op) {
        if (op.kind() == PoolKind.MAX) {
            return pooling("maxBackward", List.of(a(op.dOut()), a(op.in()), a(op.dIn())), op.geometry());
        }
        return pooling("avgBackward", List.of(a(op.dOut()), a(op.dIn())), op.geometry());
    }

    @Override
    public KernelCall visit(Op.FusedReluMaxPool op) {
        return pooling("reluMaxForward", List.of(a(op.in()), a(op.out()), a(op.argmax())), op.geometry());
    }

    @Override
    public KernelCall visit(Op.FusedConvBias op) {
        return convolution("forwardBias", List.of(a(op.conv().in()), a(op.conv().weight()), a(op.bias().bias()),
                a(op.bias().out())), op.conv().geometry());
    }

    @Override
    public KernelCall visit(Op.FusedConvReluMaxPool op) {
        return convolution("forwardReluMaxPool", List.of(a(op.conv().in()), a(op.conv().weight()),
                a(op.bias().bias()), a(op.pool().out()), a(op.pool().argmax())), op.conv().geometry());
    }

    @Override
    public KernelCall visit(Op.FusedReluMaxPoolGrad op) {
        return pooling("reluMaxBackward", List.of(a(op.dOut()), a(op.argmax()), a(op.dIn())), op.geometry());
    }

    /** {@code Pool2d.method(arrays..., n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow)}. */
    private static KernelCall pooling(String method, List<Arg> arrays, ImageGeometry g) {
        Window k = g.window();
        List<Arg> args = new ArrayList<>(arrays);
        args.addAll(List.of(BATCH, i(g.channelsIn()), i(g.h()), i(g.w()), i(k.kh()), i(k.kw()), i(k.sh()),
                i(k.sw()), i(k.padTop()), i(k.padLeft()), i(g.oh()), i(g.ow())));
        return new KernelCall("Pool2d", method, args);
    }

    @Override
    public KernelCall visit(Op.BatchNormTrain op) {
        return normTraining("train", op, op.out());
    }

    @Override
    public KernelCall visit(Op.FusedBatchNormRelu op) {
        return normTraining("trainRelu", op.norm(), op.out());
    }

    /** {@code BatchNormKernels.method} for training-mode {@code norm}, writing {@code out}. */
    private KernelCall normTraining(String method, Op.BatchNormTrain norm, Buffer out) {
        Op.BatchNormState s = norm.state();
        return KernelCall.of("BatchNormKernels", method, a(norm.in()), a(out), a(norm.saved().xhat()),
                a(norm.saved().invStd()), a(s.gamma()), a(s.beta()), a(s.runningMean()), a(s.runningVar()),
                a(s.batchesTracked()), SCRATCH, BATCH, i(norm.channels()), i(norm.spatial()), f(norm.eps()),
                f(norm.momentum()));
    }

    @Override
    public KernelCall visit(Op.FusedBatchNormGradBias op) {
        Op.BatchNormGrad norm = op.norm();
        return KernelCall.of("BatchNormKernels", "backwardBias", a(norm.dOut()), a(norm.saved().xhat()),
                a(norm.gamma()), a(norm.saved().invStd()), a(norm.dIn()), a(norm.dGamma()), a(norm.dBeta()),
                a(op.dBias()), SCRATCH, BATCH, i(norm.channels()), i(norm.spatial()));
    }

    @Override
    public KernelCall visit(Op.BatchNormEval op) {
        return normEvaluation("eval", op, op.out());
    }

    @Override
    public KernelCall visit(Op.FusedBatchNormEvalRelu op) {
        return normEvaluation("evalRelu", op.norm(), op.out());
    }

    /** {@code BatchNormKernels.method} for evaluation-mode {@code norm}, writing {@code out}. */
    private KernelCall normEvaluation(String method, Op.BatchNormEval norm, Buffer out) {
        Op.BatchNormState s = norm.state();
        return KernelCall.of("BatchNormKernels", method, a(norm.in()), a(out), a(s.gamma()), a(s.beta()),
                a(s.runningMean()), a(s.runningVar()), SCRATCH, BATCH, i(norm.channels()), i(norm.spatial()),
                f(norm.eps()));
    }

    @Override
    public KernelCall visit(Op.Activation op) {
        List<Arg> args = new ArrayList<>(List.of(a(op.in()), a(op.out()), BATCH, i(op.width())));
        String method = switch (op.kind()) {
            case RELU -> "relu";
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case GELU -> "gelu";
            case LEAKY_RELU -> "leakyRelu";
        };
        if (op.kind() == ActivationKind.LEAKY_RELU) args.add(f(op.slope()));
        return new KernelCall("Activations", method, args);
    }

    @Override
    public KernelCall visit(Op.ActivationGrad op) {
        List<Arg> args = new ArrayList<>(List.of(a(op.dOut()), a(op.saved()), a(op.dIn()), BATCH, i(op.width())));
        String method = switch (op.kind()) {
            case RELU -> "reluBackward";
            case TANH -> "tanhBackward";
            case SIGMOID -> "sigmoidBackward";
            case GELU -> "geluBackward";
            case LEAKY_RELU -> "leakyReluBackward";
        };
        if (op.kind() == ActivationKind.LEAKY_RELU) args.add(f(op.slope()));
        return new KernelCall("Activations", method, args);
    }

    /** A view shares its input's storage: nothing to compute. */
    @Override
    public KernelCall visit(Op.Reshape op) {
        return null;
    }

    @Override
    public KernelCall visit(Op.Add op) {
        return KernelCall.of("Elementwise", "add", a(op.a()), a(op.b()), a(op.out()), rows(op.out()), i(op.width()));
    }

    @Override
    public KernelCall visit(Op.FusedAddRelu op) {
        return KernelCall.of("Elementwise", "addRelu", a(op.a()), a(op.b()), a(op.out()), rows(op.out()),
                i(op.width()));
    }

    @Override
    public KernelCall visit(Op.FusedAddReluGrad op) {
        return KernelCall.of("Elementwise", "addReluBackward", a(op.a()), a(op.b()), a(op.saved()), a(op.dIn()),
                rows(op.dIn()), i(op.width()));
    }

    @Override
    public KernelCall visit(Op.DropoutTrain op) {
        return KernelCall.of("Dropout", "forward", a(op.in()), a(op.out()), a(op.mask()), BATCH, i(op.width()),
                f(op.p()), RNG);
    }

    @Override
    public KernelCall visit(Op.SoftmaxCrossEntropy op) {
        return KernelCall.of("SoftmaxCrossEntropy", "train", a(op.logits()), LABELS, a(op.probs()), BATCH,
                i(op.classes()), STATS);
    }

    @Override
    public KernelCall visit(Op.SoftmaxEval op) {
        return KernelCall.of("SoftmaxCrossEntropy", "evaluate", a(op.logits()), LABELS, PROBS, BATCH,
                i(op.classes()), STATS);
    }

    @Override
    public KernelCall visit(Op.MatMulGradWeight op) {
        if (!choice.transposed(op.dWeight())) {
            return KernelCall.of("Gemm", "tn", a(op.dOut()), a(op.in()), a(op.dWeight()),
                    i(op.outFeatures()), i(op.inFeatures()), BATCH);
        }
        return KernelCall.of("Gemm", choice.skipsZeros(op.in(), op.dWeight()) ? "tnSparse" : "tn", a(op.in()), a(op.dOut()), a(op.dWeight()),
                i(op.inFeatures()), i(op.outFeatures()), BATCH);
    }

    @Override
    public KernelCall visit(Op.MatMulGradInput op) {
        String form = choice.transposed(op.weight()) ? "nt" : "nn";
        return KernelCall.of("Gemm", form, a(op.dOut()), a(op.weight()), a(op.dIn()),
                BATCH, i(op.inFeatures()), i(op.outFeatures()));
    }

    @Override
    public KernelCall visit(Op.BiasGrad op) {
        if (op.spatial() > 1) {
            return KernelCall.of("Channels", "biasGrad", a(op.dOut()), a(op.dBias()), BATCH, i(op.features()),
                    i(op.spatial()));
        }
        return KernelCall.of("Linear", "biasGrad", a(op.dOut()), a(op.dBias()), BATCH, i(op.features()));
    }

    @Override
    public KernelCall visit(Op.BatchNormGrad op) {
        return KernelCall.of("BatchNormKernels", "backward", a(op.dOut()), a(op.saved().xhat()), a(op.gamma()),
                a(op.saved().invStd()), a(op.dIn()), a(op.dGamma()), a(op.dBeta()), SCRATCH, BATCH, i(op.channels()),
                i(op.spatial()));
    }

    @Override
    public KernelCall visit(Op.DropoutGrad op) {
        return KernelCall.of("Dropout", "backward", a(op.dOut()), a(op.mask()), a(op.dIn()), BATCH, i(op.width()));
    }

    @Override
    public KernelCall visit(Op.SoftmaxCrossEntropyGrad op) {
        return KernelCall.of("SoftmaxCrossEntropy", "backward", a(op.probs()), LABELS, a(op.dLogits()), BATCH,
                i(op.classes()));
    }

    @Override
    public KernelCall visit(Op.FusedBatchNormReluDropout op) {
        Op.BatchNormTrain norm = op.norm();
        Op.BatchNormState s = norm.state();
        return KernelCall.of("BatchNormReluDropout", "train", a(norm.in()), a(op.out()), a(norm.saved().xhat()),
                a(norm.saved().invStd()), a(op.gate()), a(s.gamma()), a(s.beta()), a(s.runningMean()),
                a(s.runningVar()), a(s.batchesTracked()), SCRATCH, BATCH, i(norm.channels()), f(norm.eps()),
                f(norm.momentum()), f(op.p()), RNG);
    }

    @Override
    public KernelCall visit(Op.FusedBatchNormReluDropoutGrad op) {
        Op.BatchNormGrad norm = op.norm();
        List<Arg> args = new ArrayList<>(List.of(a(op.dOut()), a(op.gate()), a(norm.saved().xhat()),
                a(norm.gamma()), a(norm.saved().invStd()), a(norm.dIn()), a(norm.dGamma()), a(norm.dBeta())));
        if (op.dBias() != null) args.add(a(op.dBias()));
        args.addAll(List.of(SCRATCH, BATCH, i(norm.channels())));
        return new KernelCall("BatchNormReluDropout", "backward", args);
    }

    @Override
    public KernelCall visit(Op.FusedSoftmaxCrossEntropy op) {
        return KernelCall.of("SoftmaxCrossEntropy", "trainWithGradient", a(op.logits()), LABELS, a(op.dLogits()),
                BATCH, i(op.classes()), STATS);
    }

    @Override
    public KernelCall visit(Op.OptimizerUpdate op) {
        return KernelCall.of("Optimizers", "step", a(op.param()), a(op.grad()), a(op.moment1()), a(op.moment2()),
                i(op.param().size()), OPTIMIZER);
    }

    @Override
    public KernelCall visit(Op.FusedMatMulGradWeightUpdate op) {
        Arg m1 = a(op.moment1()), m2 = a(op.moment2());
        if (!choice.transposed(op.weight())) {
            return KernelCall.of("Gemm", "tnStep", a(op.dOut()), a(op.in()), a(op.weight()), m1, m2,
                    i(op.outFeatures()), i(op.inFeatures()), BATCH, OPTIMIZER);
        }
        return KernelCall.of("Gemm", choice.skipsZeros(op.in(), op.weight()) ? "tnSparseStep" : "tnStep", a(op.in()),
                a(op.dOut()), a(op.weight()), m1, m2, i(op.inFeatures()), i(op.outFeatures()), BATCH, OPTIMIZER);
    }

    @Override
    public KernelCall visit(Op.InitUniform op) {
        Buffer t = op.target();
        if (choice.transposed(t)) {
            return KernelCall.of("Init", "uniformTransposed", a(t), i(t.shape().dim(0)), i(t.shape().dim(1)),
                    f(op.bound()), RNG);
        }
        return KernelCall.of("Init", "uniform", a(t), i(t.size()), f(op.bound()), RNG);
    }

    @Override
    public KernelCall visit(Op.InitFill op) {
        return KernelCall.of("Init", "fill", a(op.target()), i(op.target().size()), f(op.value()));
    }

    @Override
    public KernelCall visit(Op.InitCounter op) {
        return KernelCall.of("Init", "zero", a(op.counter()));
    }
}
