package mtc.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mtc.kernels.Gemm;
import mtc.runtime.Threads;
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
 * The five products of one training step of the seed model (784→256→10) back to back, as the
 * generated code calls them (first layer: forward and fused weight update skipping the zeros of
 * MNIST images; classifier: dense, its weight as PyTorch lays it out); the score is steps/s and the
 * {@code gflop} column dense-equivalent GFLOP/s. An epoch of 60,000 samples is
 * {@code 60000 / batch} steps.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class SeedStepBench {
    @Param({"64", "256"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private List<GemmCall> step;
    private double stepGigaflop;

    @Setup
    public void setUp() {
        Threads.bind(threads);
        Gemm.warmUp(10_000); // JIT-compiles the kernels now, not during the warm-up iterations
        String b = Integer.toString(batch);
        step = List.of(GemmCall.parse("nns:" + b + "x256x784"), GemmCall.parse("nt:" + b + "x10x256"),
                GemmCall.parse("nn:" + b + "x256x10"), GemmCall.parse("tnu:10x256x" + b),
                GemmCall.parse("tnsu:784x256x" + b));
        stepGigaflop = step.stream().mapToDouble(GemmCall::gigaflop).sum();
    }

    @Benchmark
    public void step(Gigaflops counter) {
        for (GemmCall call : step) call.run();
        counter.gflop += stepGigaflop;
    }
}
