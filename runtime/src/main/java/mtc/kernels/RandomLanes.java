package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import mtc.runtime.Rng;

/**
 * The uniform floats of {@link Rng#fillFloats}, computed in vector lanes. The stream is SplitMix64,
 * which is counter-based: draw {@code i} after state {@code s} is a pure function of
 * {@code s + (i+1)·γ}, so lanes compute their draws independently and the numbers stay exactly
 * the sequential stream's (the scalar loop's 64-bit multiplies were most of dropout's time).
 */
final class RandomLanes {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** As many bits as {@link #F}: every vector here has the kernels' one shape (see {@link #halfDraws}). */
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int HALF = L.length();
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final long[] LANE_STEPS = laneSteps();
    /** The even lanes of two vectors, one after the other. */
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(F, i -> 2 * i);

    private RandomLanes() {}

    private static long[] laneSteps() {
        long[] steps = new long[F.length()];
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
        return halfDraws(first, 0).rearrange(EVENS, halfDraws(first, HALF));
    }

    /**
     * Draws {@code lane .. lane + HALF - 1} after the one at {@code first}, as floats in the even
     * lanes of a vector. Each is a 24-bit integer in a long lane, so it is the low int of that lane,
     * converted exactly. Converting the longs to floats directly ("parts" of a float vector, or a
     * half-size float vector) ran as the Vector API's Java fallback, or put a second vector shape in
     * the Vector API's shared type profiles, which then left other kernels (Adam's update) uncompiled.
     */
    private static FloatVector halfDraws(long first, int lane) {
        LongVector z = LongVector.broadcast(L, first).add(LongVector.fromArray(L, LANE_STEPS, lane));
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31)).lanewise(VectorOperators.LSHR, 40);
        return ((FloatVector) z.reinterpretAsInts().convertShape(VectorOperators.I2F, F, 0)).mul(0x1.0p-24f);
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
