package mtc.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mtc.driver.ModelLoader;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole training step of a compiled model ({@code examples/mnist.mt} unless {@code model} says
 * otherwise), as {@code mtc train} runs it after the batch copy: forward, backward with the fused
 * weight updates, the other updates. Eight batches of MNIST images rotate, so that the zero
 * skipping sees real data. The score is steps/s; samples/s is score × batch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class TrainStepBench {
    private static final int BATCHES = 8;

    @Param({"examples/mnist.mt"})
    public String model;

    @Param({"64"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private Network net;
    private float[][] x;
    private int[] labels;
    private final Rng rng = new Rng(1);
    private int next;

    @Setup
    public void setUp() throws Exception {
        net = ModelLoader.load(Path.of(model));
        net.setThreads(threads);
        net.initialize(new Rng(0));
        int size = net.spec().inputSize();
        float[] all = Images.batch(BATCHES * batch, size);
        x = new float[BATCHES][];
        for (int b = 0; b < BATCHES; b++) {
            x[b] = java.util.Arrays.copyOfRange(all, b * batch * size, (b + 1) * batch * size);
        }
        labels = new int[batch];
        for (int i = 0; i < batch; i++) labels[i] = rng.nextInt(net.spec().classes());
    }

    @Benchmark
    public void step() {
        net.trainStep(x[next], labels, batch, 0.01f, rng, new StepStats());
        next = (next + 1) % BATCHES;
    }
}
