package mtc.ir;

import java.util.ArrayList;
import java.util.List;
import mtc.check.ActivationKind;
import mtc.check.PoolKind;

/**
 * One tensor operation with constant feature sizes; the batch size {@code B} is the only value
 * left to run time. Each op defines the values it writes and reads values defined before it
 * (state tensors, which training updates in place, are the one exception). Forward ops come from
 * lowering and fusion and carry their derivative ({@link Forward#derive}); gradient ops come from
 * those derivatives; state ops from lowering (initialisation) and the optimizer's updates.
 */
public sealed interface Op {
    List<Buffer> reads();

    List<Buffer> writes();

    /** Constant attributes for the IR printer, e.g. {@code eps=1.0E-5}; empty when none. */
    default String attributes() { return ""; }

    <R> R accept(OpVisitor<R> visitor);

    /** An op of the training forward pass: its derivative is written beside it. */
    sealed interface Forward extends Op {
        /** The gradient ops of this op, in order, reading its outputs' gradients from {@code g}. */
        List<Op> derive(Gradients g);
    }

    // ---- forward ----

    /** {@code out[B,outF] = in[B,inF] · weight[outF,inF]ᵀ}. */
    record MatMul(Buffer in, Buffer weight, Buffer out, int inFeatures, int outFeatures) implements Forward {
        public List<Buffer> reads() { return List.of(in, weight); }
        public List<Buffer> writes() { return List.of(out); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        /** The input gradient first: it reads the weight, which the weight's update may then change in place. */
        public List<Op> derive(Gradients g) {
            Buffer dOut = g.of(out);
            List<Op> ops = new ArrayList<>();
            if (g.needs(in)) ops.add(new MatMulGradInput(dOut, weight, g.contribution(in), inFeatures, outFeatures));
            ops.add(new MatMulGradWeight(dOut, in, g.contribution(weight), inFeatures, outFeatures));
            return ops;
        }
    }

    /**
     * {@code out[B,features,spatial] = in + bias[features]}: a linear layer's bias ({@code spatial}
     * 1) or a convolution's, one per channel.
     */
    record BiasAdd(Buffer in, Buffer bias, Buffer out, int features, int spatial) implements Forward {
        public List<Buffer> reads() { return List.of(in, bias); }
        public List<Buffer> writes() { return List.of(out); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            Buffer dOut = g.of(out);
            if (g.needs(in)) g.pass(in, dOut);
            return List.of(new BiasGrad(dOut, g.contribution(bias), features, spatial));
        }
    }

    /** PyTorch's {@code Conv2d} without its bias: {@code out[B,cout,oh,ow] = in[B,cin,h,w] ⋆ weight[cout,cin,kh,kw]}. */
    record Conv2d(Buffer in, Buffer weight, Buffer out, ImageGeometry geometry) implements Forward {
        public List<Buffer> reads() { return List.of(in, weight); }
        public List<Buffer> writes() { return List.of(out); }
        public String attributes() { return geometry.toString(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            Buffer dOut = g.of(out);
            List<Op> ops = new ArrayList<>();
            if (g.needs(in)) ops.add(new Conv2dGradInput(dOut, weight, g.contribution(in), geometry));
            ops.add(new Conv2dGradWeight(dOut, in, g.contribution(weight), geometry));
            return ops;
        }
    }

    /** Max or average pooling of each channel (global average pooling is an average over the whole image). */
    record Pool2d(PoolKind kind, Buffer in, Buffer out, ImageGeometry geometry) implements Forward {
        public List<Buffer> reads() { return List.of(in); }
        public List<Buffer> writes() { return List.of(out); }
        public String attributes() { return geometry.toString(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        /** Max pooling finds each window's maximum again in its input, so the input is kept; averages need nothing. */
        public List<Op> derive(Gradients g) {
            if (!g.needs(in)) return List.of();
            Buffer saved = kind == PoolKind.MAX ? in : null;
            return List.of(new Pool2dGrad(kind, g.of(out), saved, g.contribution(in), geometry));
        }
    }

    /** Batch normalisation in training mode over {@code [B, channels, spatial]}. */
    record BatchNormTrain(Buffer in, Buffer out, BatchNormState state, BatchNormSaved saved,
                          int channels, int spatial, float eps, float momentum) implements Forward {
        public List<Buffer> reads() { return List.of(in, state.gamma(), state.beta()); }
        public List<Buffer> writes() {
            return List.of(out, saved.xhat(), saved.invStd(),
                    state.runningMean(), state.runningVar(), state.batchesTracked());
        }
        public String attributes() { return "eps=" + eps + " momentum=" + momentum; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        /** The input gradient comes with the parameter gradients in one pass, so it is computed even when unused. */
        public List<Op> derive(Gradients g) {
            return List.of(gradient(g, g.of(out)));
        }

        BatchNormGrad gradient(Gradients g, Buffer dOut) {
            return new BatchNormGrad(dOut, saved, state.gamma(), g.contribution(in), g.contribution(state.gamma()),
                    g.contribution(state.beta()), channels, spatial);
        }
    }

    /** An element-wise activation; {@code slope} is leaky relu's (0 for the others). */
    record Activation(ActivationKind kind, float slope, Buffer in, Buffer out, int width) implements Forward {
        public List<Buffer> reads() { return List.of(in); }
        public List<Buffer> writes() { return List.of(out); }
        public String attributes() { return kind == ActivationKind.LEAKY_RELU ? "slope=" + slope : ""; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            if (!g.needs(in)) return List.of();
            return List.of(new ActivationGrad(kind, slope, g.of(out), savedForGradient(), g.contribution(in), width));
        }

        /** What the derivative is computed from: the output where it determines it, else the input. */
        Buffer savedForGradient() {
            return switch (kind) {
                case RELU, TANH, SIGMOID -> out;
                case GELU, LEAKY_RELU -> in;
            };
        }
    }

    /** Inverted dropout; {@code mask} keeps each element's factor (0 or {@code 1/(1-p)}). */
    record DropoutTrain(Buffer in, Buffer out, Buffer mask, int width, float p) implements Forward {
        public List<Buffer> reads() { return List.of(in); }
        public List<Buffer> writes() { return List.of(out, mask); }
        public String attributes() { return "p=" + p; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            if (!g.needs(in)) return List.of();
            return List.of(new DropoutGrad(g.of(out), mask, g.contribution(in), width));
        }
    }

    /** The same elements with another per-sample shape ({@code flatten}): a view, no code. */
    record Reshape(Buffer in, Buffer out) implements Forward {
        public List<Buffer> reads() { return List.of(in); }
        public List<Buffer> writes() { return List.of(out); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            if (!g.needs(in)) return List.of();
            return List.of(new Reshape(g.of(out), g.contribution(in)));
        }
    }

    /** {@code out = a + b}, element-wise over {@code width} per sample (or in total when fixed). */
    record Add(Buffer a, Buffer b, Buffer out, int width) implements Forward {
        public List<Buffer> reads() { return List.of(a, b); }
        public List<Buffer> writes() { return List.of(out); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            Buffer dOut = g.of(out);
            if (g.needs(a)) g.pass(a, dOut);
            if (g.needs(b)) g.pass(b, dOut);
            return List.of();
        }
    }

    /** Softmax probabilities of {@code logits}, adding mean cross-entropy and accuracy to the step's stats. */
    record SoftmaxCrossEntropy(Buffer logits, Buffer probs, int classes) implements Forward {
        public List<Buffer> reads() { return List.of(logits); }
        public List<Buffer> writes() { return List.of(probs); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            if (!g.needs(logits)) return List.of();
            return List.of(new SoftmaxCrossEntropyGrad(probs, g.contribution(logits), classes));
        }
    }

    // ---- evaluation ----

    /** Batch normalisation in evaluation mode: running statistics. */
    record BatchNormEval(Buffer in, Buffer out, BatchNormState state, int channels, int spatial, float eps)
            implements Op {
        public List<Buffer> reads() {
            return List.of(in, state.gamma(), state.beta(), state.runningMean(), state.runningVar());
        }
        public List<Buffer> writes() { return List.of(out); }
        public String attributes() { return "eps=" + eps; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Evaluation-mode batch norm over images, then relu, in one pass: {@code out = relu(norm)}. */
    record FusedBatchNormEvalRelu(BatchNormEval norm, Buffer out) implements Op {
        public List<Buffer> reads() { return norm.reads(); }
        public List<Buffer> writes() { return List.of(out); }
        public String attributes() { return norm.attributes(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Evaluation: probabilities to the caller's array if wanted, loss and accuracy if labels are given. */
    record SoftmaxEval(Buffer logits, int classes) implements Op {
        public List<Buffer> reads() { return List.of(logits); }
        public List<Buffer> writes() { return List.of(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    // ---- gradients ----

    /** {@code dWeight[outF,inF] = dOut[B,outF]ᵀ · in[B,inF]}. */
    record MatMulGradWeight(Buffer dOut, Buffer in, Buffer dWeight, int inFeatures, int outFeatures) implements Op {
        public List<Buffer> reads() { return List.of(dOut, in); }
        public List<Buffer> writes() { return List.of(dWeight); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code dIn[B,inF] = dOut[B,outF] · weight[outF,inF]}. */
    record MatMulGradInput(Buffer dOut, Buffer weight, Buffer dIn, int inFeatures, int outFeatures)
            implements Op {
        public List<Buffer> reads() { return List.of(dOut, weight); }
        public List<Buffer> writes() { return List.of(dIn); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code dBias[j] = Σ_b Σ_s dOut[b,j,s]}. */
    record BiasGrad(Buffer dOut, Buffer dBias, int features, int spatial) implements Op {
        public List<Buffer> reads() { return List.of(dOut); }
        public List<Buffer> writes() { return List.of(dBias); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    record Conv2dGradInput(Buffer dOut, Buffer weight, Buffer dIn, ImageGeometry geometry) implements Op {
        public List<Buffer> reads() { return List.of(dOut, weight); }
        public List<Buffer> writes() { return List.of(dIn); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code dWeight}, summed over the batch. */
    record Conv2dGradWeight(Buffer dOut, Buffer in, Buffer dWeight, ImageGeometry geometry) implements Op {
        public List<Buffer> reads() { return List.of(dOut, in); }
        public List<Buffer> writes() { return List.of(dWeight); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code in} is the forward input for max pooling, whose gradient goes to each window's first maximum; else null. */
    record Pool2dGrad(PoolKind kind, Buffer dOut, Buffer in, Buffer dIn, ImageGeometry geometry) implements Op {
        public List<Buffer> reads() { return in == null ? List.of(dOut) : List.of(dOut, in); }
        public List<Buffer> writes() { return List.of(dIn); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    record BatchNormGrad(Buffer dOut, BatchNormSaved saved, Buffer gamma, Buffer dIn, Buffer dGamma, Buffer dBeta,
                         int channels, int spatial) implements Op {
        public List<Buffer> reads() { return List.of(dOut, saved.xhat(), saved.invStd(), gamma); }
        public List<Buffer> writes() { return List.of(dIn, dGamma, dBeta); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code dIn = dOut · f'}, with {@code f'} computed from {@code saved} (see {@link Activation#savedForGradient}). */
    record ActivationGrad(ActivationKind kind, float slope, Buffer dOut, Buffer saved, Buffer dIn, int width)
            implements Op {
        public List<Buffer> reads() { return List.of(dOut, saved); }
        public List<Buffer> writes() { return List.of(dIn); }
        public String attributes() { return kind == ActivationKind.LEAKY_RELU ? "slope=" + slope : ""; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    record DropoutGrad(Buffer dOut, Buffer mask, Buffer dIn, int width) implements Op {
        public List<Buffer> reads() { return List.of(dOut, mask); }
        public List<Buffer> writes() { return List.of(dIn); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code dLogits = (probs - onehot(labels)) / B}. */
    record SoftmaxCrossEntropyGrad(Buffer probs, Buffer dLogits, int classes) implements Op {
        public List<Buffer> reads() { return List.of(probs); }
        public List<Buffer> writes() { return List.of(dLogits); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    // ---- fused (by Fusion, from the ops above) ----

    /**
     * {@code norm}, then relu, then inverted dropout with probability {@code p} (none when 0), in one
     * pass over {@code [B, features]}. {@code gate} keeps {@code d out / d norm} per element (the
     * dropout factor where the relu passed, else 0), so the norm's and the relu's own outputs are
     * never stored.
     */
    record FusedBatchNormReluDropout(BatchNormTrain norm, Buffer out, Buffer gate, float p) implements Forward {
        public List<Buffer> reads() { return norm.reads(); }
        public List<Buffer> writes() {
            BatchNormState s = norm.state();
            return List.of(out, gate, norm.saved().xhat(), norm.saved().invStd(),
                    s.runningMean(), s.runningVar(), s.batchesTracked());
        }
        public String attributes() { return norm.attributes() + (p > 0 ? " p=" + p : ""); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            Buffer dOut = g.of(out);
            return List.of(new FusedBatchNormReluDropoutGrad(dOut, gate, norm.gradient(g, dOut), null));
        }
    }

    /**
     * The gradient of {@link FusedBatchNormReluDropout}: {@code norm}'s gradient of {@code dOut·gate}
     * ({@code norm.dOut} is that of the fused op), with the bias gradient {@code Σ_b dIn} of the
     * linear layer before it when {@code dBias} is not null.
     */
    record FusedBatchNormReluDropoutGrad(Buffer dOut, Buffer gate, BatchNormGrad norm, Buffer dBias)
            implements Op {
        public List<Buffer> reads() {
            return List.of(dOut, gate, norm.saved().xhat(), norm.saved().invStd(), norm.gamma());
        }
        public List<Buffer> writes() {
            return dBias == null ? List.of(norm.dIn(), norm.dGamma(), norm.dBeta())
                    : List.of(norm.dIn(), norm.dGamma(), norm.dBeta(), dBias);
        }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /**
     * Training batch norm over images, then relu, in one pass: {@code out = relu(norm)}, the norm's
     * own output never stored. Its derivative is the two ops': relu's gradient, read from {@code out},
     * then the norm's.
     */
    record FusedBatchNormRelu(BatchNormTrain norm, Buffer out, int width) implements Forward {
        public List<Buffer> reads() { return norm.reads(); }
        public List<Buffer> writes() {
            BatchNormState s = norm.state();
            return List.of(out, norm.saved().xhat(), norm.saved().invStd(),
                    s.runningMean(), s.runningVar(), s.batchesTracked());
        }
        public String attributes() { return norm.attributes(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            Buffer dNorm = Autodiff.gradient(norm.out());
            return List.of(new ActivationGrad(ActivationKind.RELU, 0f, g.of(out), out, dNorm, width),
                    norm.gradient(g, dNorm));
        }
    }

    /**
     * {@code norm} over images and the {@link BiasGrad} of its input gradient (the bias of the
     * convolution before the norm), in one op: the bias gradient summed as the input gradient is
     * written, instead of read back.
     */
    record FusedBatchNormGradBias(BatchNormGrad norm, Buffer dBias) implements Op {
        public List<Buffer> reads() { return norm.reads(); }
        public List<Buffer> writes() { return List.of(norm.dIn(), norm.dGamma(), norm.dBeta(), dBias); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /**
     * relu, then max pooling, in one pass: {@code out = relu(max over each window of in)}, the same
     * values as the two ops (relu is monotonic, so it commutes with the maximum). {@code argmax}
     * keeps where each window's gradient goes (-1 where the relu stops it), so the relu's output is
     * never stored and the backward pass does not search the windows again.
     */
    record FusedReluMaxPool(Buffer in, Buffer out, Buffer argmax, ImageGeometry geometry) implements Forward {
        public List<Buffer> reads() { return List.of(in); }
        public List<Buffer> writes() { return List.of(out, argmax); }
        public String attributes() { return geometry.toString(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            if (!g.needs(in)) return List.of();
            return List.of(new FusedReluMaxPoolGrad(g.of(out), argmax, g.contribution(in), geometry));
        }
    }

    /** The gradient of {@link FusedReluMaxPool}: each output's gradient to its window's maximum, if the relu passed it. */
    record FusedReluMaxPoolGrad(Buffer dOut, Buffer argmax, Buffer dIn, ImageGeometry geometry) implements Op {
        public List<Buffer> reads() { return List.of(dOut, argmax); }
        public List<Buffer> writes() { return List.of(dIn); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /**
     * A convolution, its bias, relu and 2x2 max pooling with stride 2 ({@code pool} reading
     * {@code bias}'s output, which reads {@code conv}'s), in one pass: the pooling is done as each
     * sample's product leaves the kernel, so the convolution's output is never stored. The same
     * numbers as the three ops; its derivative is theirs, through one gradient of the biased output.
     */
    record FusedConvReluMaxPool(Conv2d conv, BiasAdd bias, FusedReluMaxPool pool) implements Forward {
        public List<Buffer> reads() { return List.of(conv.in(), conv.weight(), bias.bias()); }
        public List<Buffer> writes() { return List.of(pool.out(), pool.argmax()); }
        public String attributes() { return conv.attributes(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            Buffer dBiased = Autodiff.gradient(bias.out());
            List<Op> ops = new ArrayList<>();
            ops.add(new FusedReluMaxPoolGrad(g.of(pool.out()), pool.argmax(), dBiased, pool.geometry()));
            ops.addAll(FusedConvBias.gradients(conv, bias, dBiased, g));
            return ops;
        }
    }

    /**
     * A convolution with its bias added as each sample's output leaves the kernel ({@code bias}
     * reading {@code conv}'s output), so the unbiased output is never stored. The same numbers as
     * the two ops; its derivative is theirs.
     */
    record FusedConvBias(Conv2d conv, BiasAdd bias) implements Forward {
        public List<Buffer> reads() { return List.of(conv.in(), conv.weight(), bias.bias()); }
        public List<Buffer> writes() { return List.of(bias.out()); }
        public String attributes() { return conv.attributes(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            return gradients(conv, bias, g.of(bias.out()), g);
        }

        /** The gradients of a convolution and its bias (bias, input, weight), given the biased output's. */
        static List<Op> gradients(Conv2d conv, BiasAdd bias, Buffer dOut, Gradients g) {
            List<Op> ops = new ArrayList<>();
            ops.add(new BiasGrad(dOut, g.contribution(bias.bias()), bias.features(), bias.spatial()));
            if (g.needs(conv.in())) {
                ops.add(new Conv2dGradInput(dOut, conv.weight(), g.contribution(conv.in()), conv.geometry()));
            }
            ops.add(new Conv2dGradWeight(dOut, conv.in(), g.contribution(conv.weight()), conv.geometry()));
            return ops;
        }
    }

    /**
     * A residual connection's sum followed by relu, in one pass: {@code out = relu(a + b)}; the sum
     * ({@code sum}, the {@link Add}'s value) is never stored. Its gradient is relu's, read from
     * {@code out}, and goes to both sides.
     */
    record FusedAddRelu(Buffer a, Buffer b, Buffer sum, Buffer out, int width) implements Forward {
        public List<Buffer> reads() { return List.of(a, b); }
        public List<Buffer> writes() { return List.of(out); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            Buffer dSum = Autodiff.gradient(sum);
            if (g.needs(a)) g.pass(a, dSum);
            if (g.needs(b)) g.pass(b, dSum);
            return List.of(new ActivationGrad(ActivationKind.RELU, 0f, g.of(out), out, dSum, width));
        }
    }

    /**
     * Two gradients of a value read twice summed, then relu's gradient of that sum, in one pass:
     * {@code dIn = saved > 0 ? a + b : 0}, the sum never stored (the {@link Add} of a residual
     * connection's input gradients when the relu after the connection's sum is what made that input).
     */
    record FusedAddReluGrad(Buffer a, Buffer b, Buffer saved, Buffer dIn, int width) implements Op {
        public List<Buffer> reads() { return List.of(a, b, saved); }
        public List<Buffer> writes() { return List.of(dIn); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@link SoftmaxCrossEntropy} and its gradient in one op: the gradient is written in the forward pass. */
    record FusedSoftmaxCrossEntropy(Buffer logits, Buffer dLogits, int classes) implements Forward {
        public List<Buffer> reads() { return List.of(logits); }
        public List<Buffer> writes() { return List.of(dLogits); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }

        public List<Op> derive(Gradients g) {
            if (g.needs(logits)) g.pass(logits, dLogits);
            return List.of();
        }
    }

    // ---- state ----

    /** Uniform in {@code [-bound, bound)} from the run's random stream, in state-dict element order. */
    record InitUniform(Buffer target, float bound) implements Op {
        public List<Buffer> reads() { return List.of(); }
        public List<Buffer> writes() { return List.of(target); }
        public String attributes() { return "bound=" + bound; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    record InitFill(Buffer target, float value) implements Op {
        public List<Buffer> reads() { return List.of(); }
        public List<Buffer> writes() { return List.of(target); }
        public String attributes() { return "value=" + value; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    record InitCounter(Buffer counter) implements Op {
        public List<Buffer> reads() { return List.of(); }
        public List<Buffer> writes() { return List.of(counter); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /**
     * One step of the run's optimizer on {@code param} with {@code grad}: plain SGD, SGD with
     * momentum, Adam or AdamW, chosen at run time (so that {@code mtc train} flags can change it).
     * {@code moment1} and {@code moment2} are its state (momentum buffer; Adam's two moments), used
     * as far as the optimizer keeps them.
     */
    record OptimizerUpdate(Buffer param, Buffer grad, Buffer moment1, Buffer moment2) implements Op {
        public List<Buffer> reads() { return List.of(param, grad, moment1, moment2); }
        public List<Buffer> writes() { return List.of(param, moment1, moment2); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /**
     * {@link MatMulGradWeight} and the {@link OptimizerUpdate} of its weight in one op: each tile of
     * the gradient updates the weight and its state where they lie, and the gradient is never
     * stored. Only valid once nothing else reads the weight in the step.
     */
    record FusedMatMulGradWeightUpdate(Buffer dOut, Buffer in, Buffer weight, Buffer moment1, Buffer moment2,
                                       int inFeatures, int outFeatures) implements Op {
        public List<Buffer> reads() { return List.of(dOut, in, weight, moment1, moment2); }
        public List<Buffer> writes() { return List.of(weight, moment1, moment2); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** The state tensors of one batch-norm layer, in state-dict order. */
    record BatchNormState(Buffer gamma, Buffer beta, Buffer runningMean, Buffer runningVar, Buffer batchesTracked) {}

    /** What training-mode batch norm keeps for its gradient. */
    record BatchNormSaved(Buffer xhat, Buffer invStd) {}
}
