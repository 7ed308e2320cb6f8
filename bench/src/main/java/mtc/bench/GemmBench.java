package mtc.bench;

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
 * Each product alone: the five of the seed model's step at batch 64 (forward 784→256 and the fused
 * update of its weight, skipping the zeros of MNIST; the classifier's forward, update and input
 * gradient), the first layer's products dense for comparison, and shapes of the width and batch
 * sweeps; the {@code gflop} column is (dense-equivalent) GFLOP/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class GemmBench {
    @Param({"nns:64x256x784", "tnsu:784x256x64", "nn:64x256x784", "tn:784x256x64", "tnu:784x256x64",
            "nt:64x10x256", "tnu:10x256x64", "nn:64x256x10", "nt:64x256x784", "tn:256x784x64",
            "nt:64x1024x784", "tn:1024x784x64", "nn:64x784x1024",
            "nt:256x4096x1024", "tn:4096x1024x256", "nn:256x1024x4096",
            "nt:16x256x784", "nt:1024x256x784", "tn:256x784x1024"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private GemmCall call;

    @Setup
    public void setUp() {
        Threads.bind(threads);
        Gemm.warmUp(10_000); // JIT-compiles the kernels now, not during the warm-up iterations
        call = GemmCall.parse(shape);
    }

    @Benchmark
    public float[] gemm(Gigaflops counter) {
        call.run();
        counter.gflop += call.gigaflop();
        return call.c();
    }
}
