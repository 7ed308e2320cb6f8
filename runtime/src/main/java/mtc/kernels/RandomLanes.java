package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import mtc.runtime.Rng;

/**
 * The uniform floats of {@link Rng#fillFloats}, computed in vector lanes. The stream is SplitMix64,
 * which is counter-based: draw {@code i} after state {@code s} is a pure function of
 * {@code s + (i+1)·γ}, so lanes compute their draws independently and the numbers stay exactly
 * the sequential stream's (the scalar loop's 64-bit multiplies were most of dropout's time).
 */
final class RandomLanes {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    /**
     * As many float lanes as {@link #L} has long lanes, so that a draw converts lane for lane, which
     * C2 compiles to one instruction. Converting into half of a vector of twice the lanes (a "part"
     * of a 16-float vector) ran as the Vector API's Java fallback: 0.25 GB/s of garbage, a young
     * collection every quarter second while training the seed model.
     */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(L.length() * Float.SIZE));
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final long[] LANE_STEPS = laneSteps();

    private RandomLanes() {}

    private static long[] laneSteps() {
        long[] steps = new long[L.length()];
        for (int k = 0; k < steps.length; k++) steps[k] = k * GAMMA;
        return steps;
    }

    /**
     * {@link Rng#fillFloats}{@code (a, 0, count)}, several times faster. Kernels fill first and use the
     * numbers in a second loop: drawing inside a bigger loop body left {@link #uniforms} un-inlined
     * (boxed vectors, slower than the scalar stream).
     */
    static void fill(Rng rng, float[] a, int count) {
        long state = rng.state();
        int i = 0;
        for (int bound = F.loopBound(count); i < bound; i += F.length()) uniforms(state, i).intoArray(a, i);
        for (; i < count; i++) a[i] = uniform(state, i);
        skip(rng, count);
    }

    /** Draws {@code i .. i + F.length() - 1} after {@code state}. */
    static FloatVector uniforms(long state, int i) {
        long first = state + (i + 1L) * GAMMA;
        LongVector z = LongVector.broadcast(L, first).add(LongVector.fromArray(L, LANE_STEPS, 0));
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31)).lanewise(VectorOperators.LSHR, 40);
        return ((FloatVector) z.convertShape(VectorOperators.L2F, F, 0)).mul(0x1.0p-24f);
    }

    /** Draw {@code i} after {@code state}, one at a time (for loop tails). */
    static float uniform(long state, int i) {
        long z = state + (i + 1L) * GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) >>> 40) * 0x1.0p-24f;
    }

    /** Moves {@code rng} past {@code count} draws, as {@link Rng#fillFloats} of that many would. */
    private static void skip(Rng rng, int count) {
        rng.setState(rng.state() + count * GAMMA);
    }
}
