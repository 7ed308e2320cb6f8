package mtc.ir;

import java.util.List;

/**
 * One tensor operation with constant feature sizes; the batch size {@code B} is the only value
 * left to run time. Forward ops come from lowering, gradient ops from {@link Autodiff}, state ops
 * from lowering (initialisation) and {@link SgdUpdates}. Each op names the buffers it reads and
 * writes, which is all that backward derivation and buffer planning need to know about it.
 */
public sealed interface Op {
    List<Buffer> reads();

    List<Buffer> writes();

    /** Constant attributes for the IR printer, e.g. {@code eps=1.0E-5}; empty when none. */
    default String attributes() { return ""; }

    <R> R accept(OpVisitor<R> visitor);

    // ---- forward ----

    /**
     * {@code out[B,outF] = in[B,inF] · weight[outF,inF]ᵀ}; with the weight stored transposed, the
     * product is {@code in · stored}. {@code skipZeros} marks an input that is the data (images:
     * mostly exact zeros), whose zero tiles the product skips (only with a transposed weight).
     */
    record MatMul(Buffer in, Buffer weight, Buffer out, int inFeatures, int outFeatures, boolean skipZeros)
            implements Op {
        public List<Buffer> reads() { return List.of(in, weight); }
        public List<Buffer> writes() { return List.of(out); }
        public String attributes() { return skipZeros ? "skip_zeros" : ""; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code out[B,features] += bias[features]}, in place. */
    record BiasAdd(Buffer out, Buffer bias, int features) implements Op {
        public List<Buffer> reads() { return List.of(out, bias); }
        public List<Buffer> writes() { return List.of(out); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Batch normalisation in training mode over {@code [B, channels, spatial]}. */
    record BatchNormTrain(Buffer in, Buffer out, BatchNormState state, BatchNormSaved saved,
                          int channels, int spatial, float eps, float momentum) implements Op {
        public List<Buffer> reads() { return List.of(in, state.gamma(), state.beta()); }
        public List<Buffer> writes() {
            return List.of(out, saved.xhat(), saved.invStd(),
                    state.runningMean(), state.runningVar(), state.batchesTracked());
        }
        public String attributes() { return "eps=" + eps + " momentum=" + momentum; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

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

    record Relu(Buffer in, Buffer out, int width) implements Op {
        public List<Buffer> reads() { return List.of(in); }
        public List<Buffer> writes() { return List.of(out); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Inverted dropout; {@code mask} keeps each element's factor (0 or {@code 1/(1-p)}). */
    record DropoutTrain(Buffer in, Buffer out, Buffer mask, int width, float p) implements Op {
        public List<Buffer> reads() { return List.of(in); }
        public List<Buffer> writes() { return List.of(out, mask); }
        public String attributes() { return "p=" + p; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Softmax probabilities of {@code logits}, adding mean cross-entropy and accuracy to the step's stats. */
    record SoftmaxCrossEntropy(Buffer logits, Buffer probs, int classes) implements Op {
        public List<Buffer> reads() { return List.of(logits); }
        public List<Buffer> writes() { return List.of(probs); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Evaluation: probabilities to the caller's array if wanted, loss and accuracy if labels are given. */
    record SoftmaxEval(Buffer logits, int classes) implements Op {
        public List<Buffer> reads() { return List.of(logits); }
        public List<Buffer> writes() { return List.of(); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    // ---- gradients ----

    /**
     * {@code dWeight[outF,inF] = dOut[B,outF]ᵀ · in[B,inF]}, or {@code inᵀ · dOut} stored transposed
     * like its weight; {@code skipZeros} as for {@link MatMul}.
     */
    record MatMulGradWeight(Buffer dOut, Buffer in, Buffer dWeight, int inFeatures, int outFeatures,
                            boolean skipZeros) implements Op {
        public List<Buffer> reads() { return List.of(dOut, in); }
        public List<Buffer> writes() { return List.of(dWeight); }
        public String attributes() { return skipZeros ? "skip_zeros" : ""; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code dIn[B,inF] = dOut[B,outF] · weight[outF,inF]}, or {@code dOut · storedᵀ} for a transposed weight. */
    record MatMulGradInput(Buffer dOut, Buffer weight, Buffer dIn, int inFeatures, int outFeatures)
            implements Op {
        public List<Buffer> reads() { return List.of(dOut, weight); }
        public List<Buffer> writes() { return List.of(dIn); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** {@code dBias[j] = Σ_b dOut[b,j]}. */
    record BiasGrad(Buffer dOut, Buffer dBias, int features) implements Op {
        public List<Buffer> reads() { return List.of(dOut); }
        public List<Buffer> writes() { return List.of(dBias); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    record BatchNormGrad(Buffer dOut, BatchNormSaved saved, Buffer gamma, Buffer dIn, Buffer dGamma, Buffer dBeta,
                         int channels, int spatial) implements Op {
        public List<Buffer> reads() { return List.of(dOut, saved.xhat(), saved.invStd(), gamma); }
        public List<Buffer> writes() { return List.of(dIn, dGamma, dBeta); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Passes {@code dOut} where the forward output {@code out} is positive. */
    record ReluGrad(Buffer dOut, Buffer out, Buffer dIn, int width) implements Op {
        public List<Buffer> reads() { return List.of(dOut, out); }
        public List<Buffer> writes() { return List.of(dIn); }
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
    record FusedBatchNormReluDropout(BatchNormTrain norm, Buffer out, Buffer gate, float p) implements Op {
        public List<Buffer> reads() { return norm.reads(); }
        public List<Buffer> writes() {
            BatchNormState s = norm.state();
            return List.of(out, gate, norm.saved().xhat(), norm.saved().invStd(),
                    s.runningMean(), s.runningVar(), s.batchesTracked());
        }
        public String attributes() { return norm.attributes() + (p > 0 ? " p=" + p : ""); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /**
     * The gradient of {@link FusedBatchNormReluDropout}: {@code norm}'s gradient of {@code dOut·gate},
     * with the bias gradient {@code Σ_b dIn} of the linear layer before it when {@code dBias} is not null.
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

    /** {@link SoftmaxCrossEntropy} and its gradient in one op: the gradient is written in the forward pass. */
    record FusedSoftmaxCrossEntropy(Buffer logits, Buffer dLogits, int classes) implements Op {
        public List<Buffer> reads() { return List.of(logits); }
        public List<Buffer> writes() { return List.of(dLogits); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /**
     * {@link MatMulGradWeight} and the {@link SgdStep} of its weight in one op: each tile of the
     * gradient goes straight into {@code weight -= lr · dWeight} (the step's learning rate), and
     * the gradient is never stored. Only valid once nothing else reads the weight in the step.
     */
    record FusedMatMulGradWeightSgd(Buffer dOut, Buffer in, Buffer weight, int inFeatures, int outFeatures,
                                    boolean skipZeros) implements Op {
        public List<Buffer> reads() { return List.of(dOut, in, weight); }
        public List<Buffer> writes() { return List.of(weight); }
        public String attributes() { return skipZeros ? "skip_zeros" : ""; }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    // ---- state ----

    /** {@code param -= lr * grad}. */
    record SgdStep(Buffer param, Buffer grad) implements Op {
        public List<Buffer> reads() { return List.of(param, grad); }
        public List<Buffer> writes() { return List.of(param); }
        public <R> R accept(OpVisitor<R> v) { return v.visit(this); }
    }

    /** Uniform in {@code [-bound, bound)} from the run's random stream. */
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

    /** The state tensors of one batch-norm layer, in state-dict order. */
    record BatchNormState(Buffer gamma, Buffer beta, Buffer runningMean, Buffer runningVar, Buffer batchesTracked) {}

    /** What training-mode batch norm keeps for its gradient. */
    record BatchNormSaved(Buffer xhat, Buffer invStd) {}
}
