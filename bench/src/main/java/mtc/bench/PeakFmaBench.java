package mtc.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-core FMA peak reachable from Java: 16 independent vector accumulators (enough to
 * cover the FMA latency on both pipes) and no memory traffic. Kernel GFLOP/s divided by this
 * {@code gflop} is the fraction of peak.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class PeakFmaBench {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int ROUNDS = 4096;

    /** Fields, not constants, so the JIT cannot fold the arithmetic away. */
    public float scale = 0.999f;
    public float shift = 1e-3f;

    @Benchmark
    public float peak(Gigaflops counter) {
        FloatVector m = FloatVector.broadcast(SPECIES, scale), s = FloatVector.broadcast(SPECIES, shift);
        FloatVector a0 = s, a1 = s, a2 = s, a3 = s, a4 = s, a5 = s, a6 = s, a7 = s;
        FloatVector a8 = s, a9 = s, a10 = s, a11 = s, a12 = s, a13 = s, a14 = s, a15 = s;
        for (int i = 0; i < ROUNDS; i++) {
            a0 = a0.fma(m, s); a1 = a1.fma(m, s); a2 = a2.fma(m, s); a3 = a3.fma(m, s);
            a4 = a4.fma(m, s); a5 = a5.fma(m, s); a6 = a6.fma(m, s); a7 = a7.fma(m, s);
            a8 = a8.fma(m, s); a9 = a9.fma(m, s); a10 = a10.fma(m, s); a11 = a11.fma(m, s);
            a12 = a12.fma(m, s); a13 = a13.fma(m, s); a14 = a14.fma(m, s); a15 = a15.fma(m, s);
        }
        counter.gflop += 2.0 * 16 * SPECIES.length() * ROUNDS / 1e9;
        FloatVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7);
        return sum.add(a8).add(a9).add(a10).add(a11).add(a12).add(a13).add(a14).add(a15).reduceLanes(
                jdk.incubator.vector.VectorOperators.ADD);
    }
}
