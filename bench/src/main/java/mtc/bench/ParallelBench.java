package mtc.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import mtc.kernels.Parallel;
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
 * The cost of handing one part to the worker and waiting for it: both parts busy-wait
 * {@code partNanos}, so the score minus that is the sync cost of one parallel product. With
 * {@code partNanos = 0} the caller usually runs the worker's part itself before the worker
 * claims it, which measures the claim, not the hand-over.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class ParallelBench {
    @Param({"0", "20000"})
    public long partNanos;

    private final long[] spins = new long[64];
    private IntConsumer busyPart;

    @Setup
    public void setUp() {
        Threads.bind(2);
        busyPart = part -> {
            long end = System.nanoTime() + partNanos;
            do {
                spins[part * 32]++;
            } while (System.nanoTime() < end);
        };
    }

    @Benchmark
    public long handOver() {
        Parallel.forEach(2, busyPart);
        return spins[0];
    }
}
