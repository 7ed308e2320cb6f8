package mtc.train;

import java.util.List;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.NetworkSpec;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.TensorSpec;

/**
 * A hand-written softmax regression ({@code linear(in, classes)}) with a step counter, standing
 * in for a generated model so that the runtime is tested without the compiler. Its state dict is
 * {@code 0.weight [classes,in]}, {@code 0.bias [classes]} and {@code 1.num_batches_tracked []}.
 */
public final class SoftmaxNetwork implements Network {
    private final NetworkSpec spec;
    private final int in;
    private final int classes;
    private final float[] weight;
    private final float[] bias;
    private final long[] steps = new long[1];

    public SoftmaxNetwork(List<Integer> inputShape, int classes, double defaultLr) {
        this.in = inputShape.stream().reduce(1, (a, b) -> a * b);
        this.classes = classes;
        this.weight = new float[classes * in];
        this.bias = new float[classes];
        this.spec = new NetworkSpec("Softmax", inputShape, classes, List.of(
                new TensorSpec("0.weight", DType.F32, List.of(classes, in)),
                new TensorSpec("0.bias", DType.F32, List.of(classes)),
                new TensorSpec("1.num_batches_tracked", DType.I64, List.of())), defaultLr);
    }

    /** The MNIST-sized model: 784 inputs, 10 classes. */
    public static SoftmaxNetwork mnist() {
        return new SoftmaxNetwork(List.of(784), 10, Double.NaN);
    }

    @Override public NetworkSpec spec() { return spec; }

    @Override public float[] floats(int i) { return i == 0 ? weight : bias; }

    @Override public long[] longs(int i) { return steps; }

    private int threads = mtc.runtime.Threads.cores();

    @Override public int threads() { return threads; }

    @Override public void setThreads(int threads) { this.threads = mtc.runtime.Threads.checked(threads); }

    @Override
    public void initialize(Rng rng) {
        float bound = (float) (1 / Math.sqrt(in));
        for (int i = 0; i < weight.length; i++) weight[i] = rng.uniform(-bound, bound);
        for (int i = 0; i < bias.length; i++) bias[i] = rng.uniform(-bound, bound);
        steps[0] = 0;
    }

    @Override
    public void trainStep(float[] x, int[] labels, int n, float lr, Rng rng, StepStats stats) {
        float[] p = new float[n * classes];
        forward(x, labels, n, p, stats);
        float[] gw = new float[weight.length];
        float[] gb = new float[classes];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < classes; c++) {
                float g = (p[s * classes + c] - (c == labels[s] ? 1 : 0)) / n;
                gb[c] += g;
                for (int k = 0; k < in; k++) gw[c * in + k] += g * x[s * in + k];
            }
        }
        for (int i = 0; i < weight.length; i++) weight[i] -= lr * gw[i];
        for (int c = 0; c < classes; c++) bias[c] -= lr * gb[c];
        steps[0]++;
    }

    @Override
    public void evaluate(float[] x, int[] labels, int n, float[] probs, StepStats stats) {
        forward(x, labels, n, probs == null ? new float[n * classes] : probs, labels == null ? null : stats);
    }

    private void forward(float[] x, int[] labels, int n, float[] p, StepStats stats) {
        for (int s = 0; s < n; s++) {
            softmaxRow(x, s, p);
            if (stats == null) continue;
            int best = 0;
            for (int c = 1; c < classes; c++) if (p[s * classes + c] > p[s * classes + best]) best = c;
            stats.lossSum -= Math.log(p[s * classes + labels[s]]);
            stats.correct += best == labels[s] ? 1 : 0;
            stats.samples++;
        }
    }

    private void softmaxRow(float[] x, int s, float[] p) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            float z = bias[c];
            for (int k = 0; k < in; k++) z += weight[c * in + k] * x[s * in + k];
            p[s * classes + c] = z;
            max = Math.max(max, z);
        }
        float sum = 0;
        for (int c = 0; c < classes; c++) sum += p[s * classes + c] = (float) Math.exp(p[s * classes + c] - max);
        for (int c = 0; c < classes; c++) p[s * classes + c] /= sum;
    }
}
