package mtc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import mtc.kernels.Activations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The element-wise activations, forward and backward, on a batch of 64 rows of 256 features with
 * pre-activations uniform in [-4, 4]; the score is ns per element (forward + backward = the sum).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ActivationBench {
    private static final int N = 64;
    private static final int WIDTH = 256;

    @Param({"relu", "leaky_relu", "tanh", "sigmoid", "gelu"})
    public String kind;

    private final float[] x = new float[N * WIDTH];
    private final float[] y = new float[N * WIDTH];
    private final float[] dy = new float[N * WIDTH];
    private final float[] dx = new float[N * WIDTH];

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-4, 4);
            dy[i] = (float) rng.nextDouble(-1, 1);
        }
        forward();
    }

    @Benchmark
    @OperationsPerInvocation(N * WIDTH)
    public float[] forward() {
        switch (kind) {
            case "relu" -> Activations.relu(x, y, N, WIDTH);
            case "leaky_relu" -> Activations.leakyRelu(x, y, N, WIDTH, 0.01f);
            case "tanh" -> Activations.tanh(x, y, N, WIDTH);
            case "sigmoid" -> Activations.sigmoid(x, y, N, WIDTH);
            case "gelu" -> Activations.gelu(x, y, N, WIDTH);
            default -> throw new IllegalArgumentException(kind);
        }
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N * WIDTH)
    public float[] backward() {
        switch (kind) {
            case "relu" -> Activations.reluBackward(dy, y, dx, N, WIDTH);
            case "leaky_relu" -> Activations.leakyReluBackward(dy, x, dx, N, WIDTH, 0.01f);
            case "tanh" -> Activations.tanhBackward(dy, y, dx, N, WIDTH);
            case "sigmoid" -> Activations.sigmoidBackward(dy, y, dx, N, WIDTH);
            case "gelu" -> Activations.geluBackward(dy, x, dx, N, WIDTH);
            default -> throw new IllegalArgumentException(kind);
        }
        return dx;
    }
}
