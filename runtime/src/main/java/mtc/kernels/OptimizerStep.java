package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import mtc.optim.OptimizerSpec;

/**
 * The coefficients of one optimizer step, and the update of a run of elements with them, in the
 * float arithmetic of PyTorch's single-tensor {@code SGD}, {@code Adam} and {@code AdamW} (the
 * CPU default): the scalars PyTorch computes in double (bias corrections, step size) are computed
 * in double here too and rounded to float once, as its kernels take them. A network holds one,
 * {@link #begin begun} before each training step; the kernels read it.
 */
public final class OptimizerStep {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = SPECIES.length();
    private final OptimizerSpec spec;
    private final boolean plain;
    private final float momentum, weightDecay, beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps;
    private final boolean nesterov, adam, decoupled;
    /** Steps taken, the one in progress included (Adam's {@code step}). */
    private long steps;
    private float lr, negLr, negStepSize, bias2Sqrt, decay;

    public OptimizerStep(OptimizerSpec spec) {
        this.spec = spec;
        plain = spec.plain();
        momentum = (float) spec.momentum();
        nesterov = spec.nesterov();
        weightDecay = (float) spec.weightDecay();
        adam = spec.kind() != OptimizerSpec.Kind.SGD;
        decoupled = spec.kind() == OptimizerSpec.Kind.ADAMW;
        beta1 = (float) spec.beta1();
        oneMinusBeta1 = (float) (1 - spec.beta1());
        beta2 = (float) spec.beta2();
        oneMinusBeta2 = (float) (1 - spec.beta2());
        eps = (float) spec.eps();
    }

    public OptimizerSpec spec() { return spec; }

    public long steps() { return steps; }

    /** Continues after {@code done} steps (a resumed run). */
    public void setSteps(long done) { steps = done; }

    /** Starts a step at learning rate {@code rate}. */
    public void begin(double rate) {
        steps++;
        lr = (float) rate;
        negLr = (float) -rate;
        if (adam) {
            double bias1 = 1 - Math.pow(spec.beta1(), steps);
            double bias2 = 1 - Math.pow(spec.beta2(), steps);
            negStepSize = (float) -(rate / bias1);
            bias2Sqrt = (float) Math.sqrt(bias2);
            decay = (float) (1 - rate * spec.weightDecay());
        }
    }

    /** Whether this step is {@code param -= lr * grad} alone: the kernels then keep the seed's exact arithmetic. */
    public boolean plain() { return plain; }

    public float lr() { return lr; }

    /**
     * Updates {@code w[wAt + i]} (and its state {@code m}, {@code v} at the same index) with the
     * gradient {@code g[gAt + i]}, for {@code i < n}. {@code m} and {@code v} may be null when the
     * optimizer keeps no such state.
     */
    public void update(float[] w, float[] m, float[] v, int wAt, float[] g, int gAt, int n) {
        if (plain) {
            for (int i = 0; i < n; i++) w[wAt + i] -= lr * g[gAt + i];
            return;
        }
        int i = 0;
        if (adam) {
            for (; i + LANES <= n; i += LANES) adamLanes(w, m, v, wAt + i, g, gAt + i);
            for (; i < n; i++) adam(w, m, v, wAt + i, g[gAt + i]);
        } else {
            for (; i + LANES <= n; i += LANES) sgdLanes(w, m, wAt + i, g, gAt + i);
            for (; i < n; i++) sgd(w, m, wAt + i, g[gAt + i]);
        }
    }

    // The vector forms below do exactly what the scalar ones do, lane by lane: each operation
    // rounds once (no fused multiply-add), and sqrt and division are IEEE's, so where the
    // vectors end does not change a number.

    private void sgdLanes(float[] w, float[] m, int at, float[] g, int gAt) {
        FloatVector p = FloatVector.fromArray(SPECIES, w, at);
        FloatVector d = FloatVector.fromArray(SPECIES, g, gAt);
        if (weightDecay != 0) d = d.add(p.mul(weightDecay));
        if (m != null) {
            FloatVector buf = steps == 1 ? d : FloatVector.fromArray(SPECIES, m, at).mul(momentum).add(d);
            buf.intoArray(m, at);
            d = nesterov ? d.add(buf.mul(momentum)) : buf;
        }
        p.add(d.mul(negLr)).intoArray(w, at);
    }

    private void adamLanes(float[] w, float[] m, float[] v, int at, float[] grad, int gAt) {
        FloatVector p = FloatVector.fromArray(SPECIES, w, at);
        FloatVector g = FloatVector.fromArray(SPECIES, grad, gAt);
        if (decoupled) p = p.mul(decay);
        else if (weightDecay != 0) g = g.add(p.mul(weightDecay));
        FloatVector m1 = FloatVector.fromArray(SPECIES, m, at).mul(beta1).add(g.mul(oneMinusBeta1));
        FloatVector m2 = FloatVector.fromArray(SPECIES, v, at).mul(beta2).add(g.mul(oneMinusBeta2).mul(g));
        m1.intoArray(m, at);
        m2.intoArray(v, at);
        FloatVector denom = m2.lanewise(VectorOperators.SQRT).div(bias2Sqrt).add(eps);
        p.add(m1.mul(negStepSize).div(denom)).intoArray(w, at);
    }

    /** SGD: {@code d = g + wd·p; buf = momentum·buf + d; d = nesterov ? d + momentum·buf : buf; p += -lr·d}. */
    private void sgd(float[] w, float[] m, int at, float g) {
        float p = w[at];
        float d = weightDecay == 0 ? g : g + p * weightDecay;
        if (m != null) {
            float buf = steps == 1 ? d : m[at] * momentum + d;
            m[at] = buf;
            d = nesterov ? d + buf * momentum : buf;
        }
        w[at] = p + d * negLr;
    }

    /** Adam (L2 weight decay in the gradient) or AdamW (the parameter decayed first). */
    private void adam(float[] w, float[] m, float[] v, int at, float g) {
        float p = w[at];
        if (decoupled) p = p * decay;
        else if (weightDecay != 0) g = g + p * weightDecay;
        float m1 = m[at] * beta1 + g * oneMinusBeta1;
        float m2 = v[at] * beta2 + g * oneMinusBeta2 * g;
        m[at] = m1;
        v[at] = m2;
        float denom = (float) Math.sqrt(m2) / bias2Sqrt + eps;
        w[at] = p + m1 * negStepSize / denom; // addcdiv's order: (value · t1) / t2
    }
}
