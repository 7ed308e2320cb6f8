package mtc.runtime;

import java.util.ArrayList;
import java.util.List;
import mtc.kernels.OptimizerStep;
import mtc.optim.OptimizerSpec;

/**
 * What every generated network has in common, so that generated code is only the model-specific
 * straight-line part. It owns the arrays (state tensors, gradients, per-batch buffers), grows the
 * per-batch buffers only when a larger batch arrives (never per step), and sequences a training
 * step; subclasses supply the generated phases.
 *
 * <p>Generated code reads its operands from the protected fields: {@code f[slot]} for float
 * arrays, {@code l[slot]} for the I64 counters, and the current call's inputs.
 */
public abstract class NetworkBase implements Network {
    private final NetworkLayout layout;
    /** Float arrays by slot; null for I64 slots. State tensor {@code i} is slot {@code i}. */
    protected final float[][] f;
    /** Long arrays by slot; non-null only for I64 state tensors. */
    protected final long[][] l;
    /** Workspace for kernels that accumulate in double (batch-norm statistics), allocated once. */
    protected final double[] scratch;
    /** The current call's inputs, set for the duration of one public call. */
    protected float[] x;
    protected int[] labels;
    protected Rng rng;
    protected StepStats stats;
    /** The learning rate of the training step in progress: updates fused into {@link #backward} read it. */
    protected float lr;
    /** The optimizer's step in progress, which the update kernels read; plain SGD until {@link #useOptimizer}. */
    protected OptimizerStep optimizer = new OptimizerStep(OptimizerSpec.sgd(Double.NaN));
    /** Where {@link #evaluate} writes probabilities; null when the caller wants none. */
    protected float[] probs;
    /** The most threads the kernels may use during this network's calls (bound in {@link Threads} per call). */
    private int threads = Threads.cores();
    /** Samples the per-batch buffers hold: all of them ({@code trainRows}), those evaluation uses. */
    private int trainRows;
    private int evalRows;

    protected NetworkBase(String... layoutText) {
        layout = NetworkLayout.parse(layoutText);
        List<NetworkLayout.Slot> slots = layout.slots();
        f = new float[slots.size()][];
        l = new long[slots.size()][];
        scratch = new double[layout.scratch()];
        for (int i = 0; i < slots.size(); i++) {
            NetworkLayout.Slot slot = slots.get(i);
            if (slot.dtype() == DType.I64) l[i] = new long[slot.size()];
            else if (!slot.batched()) f[i] = new float[slot.size()];
        }
        for (NetworkLayout.Moment m : layout.moments()) f[m.slot()] = null; // allocated by useOptimizer
    }

    /**
     * Trains with {@code spec} from the next step on, its state (momentum buffers, moments, step
     * count) fresh: zeros, allocated here only when {@code spec} keeps it. The learning rate is
     * still each step's own.
     */
    @Override
    public void useOptimizer(OptimizerSpec spec) {
        optimizer = new OptimizerStep(spec);
        for (NetworkLayout.Moment m : layout.moments()) {
            boolean kept = m.k() == 1 ? spec.usesFirstMoment() : spec.usesSecondMoment();
            f[m.slot()] = kept ? new float[layout.slots().get(m.slot()).size()] : null;
        }
    }

    @Override
    public OptimizerState optimizerState() {
        List<OptimizerState.Tensor> tensors = new ArrayList<>();
        for (NetworkLayout.Moment m : layout.moments()) {
            if (f[m.slot()] == null) continue;
            TensorSpec param = spec().tensors().get(m.param());
            tensors.add(new OptimizerState.Tensor(param.name() + "." + OptimizerState.stateName(optimizer.spec(),
                    m.k()), param, f[m.slot()]));
        }
        return new OptimizerState(optimizer, tensors);
    }

    /** Forward in training mode, ending with the loss (adds loss and correct count to {@link #stats}). */
    protected abstract void forwardTrain(int n);

    /** Forward in evaluation mode, ending with probabilities and, given labels, the loss. */
    protected abstract void forwardEval(int n);

    /**
     * Gradients of the mean loss of the last {@link #forwardTrain} with respect to every parameter;
     * the weights whose update is fused with their gradient are updated here, with {@link #lr}.
     */
    protected abstract void backward(int n);

    /** {@code param -= lr * grad} for every parameter not already updated by {@link #backward}. */
    protected abstract void update(float lr);

    /** PyTorch's default initialisation, drawing from {@link #rng}. */
    protected abstract void initializeState();

    @Override
    public NetworkSpec spec() { return layout.spec(); }

    @Override
    public float[] floats(int i) { return f[checkState(i, DType.F32)]; }

    @Override
    public long[] longs(int i) { return l[checkState(i, DType.I64)]; }

    /**
     * The gradient computed by the last {@link #trainStep} for parameter {@code i} (a state tensor
     * index), stored like the parameter; null for running statistics and for weights whose update
     * is fused with their gradient (it is never stored). The compiler names it {@code <tensor>.grad}.
     */
    public float[] gradient(int i) {
        int slot = layout.slotHolding(spec().tensors().get(i).name() + ".grad");
        return slot < 0 ? null : f[slot];
    }

    @Override
    public int threads() { return threads; }

    @Override
    public void setThreads(int threads) {
        this.threads = Threads.checked(threads);
    }

    @Override
    public void initialize(Rng rng) {
        this.rng = rng;
        try {
            initializeState();
        } finally {
            this.rng = null;
        }
    }

    @Override
    public void trainStep(float[] x, int[] labels, int n, float lr, Rng rng, StepStats stats) {
        prepare(x, labels, n, true);
        this.rng = rng;
        this.stats = stats;
        this.lr = lr;
        optimizer.begin(lr);
        int saved = Threads.bind(threads);
        try {
            forwardTrain(n);
            backward(n);
            update(lr);
            stats.samples += n;
        } finally {
            Threads.bind(saved);
            release();
        }
    }

    @Override
    public void evaluate(float[] x, int[] labels, int n, float[] probs, StepStats stats) {
        prepare(x, labels, n, false);
        if (probs != null && probs.length < (long) n * spec().classes()) {
            throw new IllegalArgumentException("probs holds fewer than " + n + " rows");
        }
        this.probs = probs;
        this.stats = labels == null ? null : stats;
        int saved = Threads.bind(threads);
        try {
            forwardEval(n);
            if (this.stats != null) stats.samples += n;
        } finally {
            Threads.bind(saved);
            release();
        }
    }

    private void prepare(float[] x, int[] labels, int n, boolean training) {
        if (n <= 0) throw new IllegalArgumentException("batch size must be positive, not " + n);
        if (x.length < (long) n * spec().inputSize()) {
            throw new IllegalArgumentException("x holds fewer than " + n + " samples");
        }
        if (labels != null && labels.length < n) throw new IllegalArgumentException("fewer labels than samples");
        ensureCapacity(n, training);
        this.x = x;
        this.labels = labels;
    }

    /**
     * Grows the per-batch buffers that the coming pass uses to {@code n} samples; a smaller batch
     * reuses larger buffers, and evaluation (often in bigger chunks) leaves training-only ones alone.
     */
    private void ensureCapacity(int n, boolean training) {
        if (n <= (training ? trainRows : evalRows)) return;
        List<NetworkLayout.Slot> slots = layout.slots();
        for (int i = 0; i < slots.size(); i++) {
            NetworkLayout.Slot slot = slots.get(i);
            boolean needed = slot.batched() && (training || slot.usedInEval());
            if (!needed) continue; // weights are not per sample: n times their size means nothing
            int size = Math.multiplyExact(n, slot.size());
            if (f[i] == null || f[i].length < size) f[i] = new float[size];
        }
        if (training) trainRows = n;
        evalRows = Math.max(evalRows, n);
    }

    private void release() {
        x = null;
        labels = null;
        rng = null;
        stats = null;
        probs = null;
    }

    private int checkState(int i, DType dtype) {
        List<TensorSpec> tensors = spec().tensors();
        if (i < 0 || i >= tensors.size() || tensors.get(i).dtype() != dtype) {
            throw new IllegalArgumentException("no " + dtype + " state tensor " + i);
        }
        return i;
    }
}
