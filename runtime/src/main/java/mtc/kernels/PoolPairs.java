package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling with 2x2 windows, stride 2, no padding and even input sizes (the windows tile the
 * input exactly), vectorised across consecutive outputs of all planes: output {@code o}'s window
 * starts at input {@code 2·o + 2·ow·(o / ow)}, a pattern that repeats every {@code lcm(ow, LANES)}
 * outputs, so one index map serves every vector of outputs (gathers of the four corners). The
 * maximum is chosen as {@link Pool2d} does: the first of the corners in row-major order, unless
 * a later one is greater or NaN.
 */
final class PoolPairs {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;
    /** Half a vector of floats: one per window of a vector of input pairs. */
    private static final VectorSpecies<Float> HALF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(SPECIES.vectorBitSize() / 2));
    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, SPECIES.vectorShape());
    private static final VectorSpecies<Integer> HALF_INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(SPECIES.vectorBitSize() / 2));

    private PoolPairs() {}

    static boolean suits(PoolGeometry g) {
        return g.kh() == 2 && g.kw() == 2 && g.sh() == 2 && g.sw() == 2 && g.ph() == 0 && g.pw() == 0
                && g.h() == 2 * g.oh() && g.w() == 2 * g.ow();
    }

    /** Outputs after which the window offsets repeat (shifted by a whole number of row pairs). */
    private static int period(int ow) {
        int period = LANES;
        while (period % ow != 0) period += LANES;
        return period;
    }

    /** Window corner offsets for one period of outputs. */
    private static int[] map(int ow, int period) {
        int[] map = new int[period];
        for (int o = 0; o < period; o++) map[o] = 2 * o + 2 * ow * (o / ow);
        return map;
    }

    /**
     * Outputs from 0 in whole periods (so the windows done cover exactly the first {@code 4·done}
     * inputs), shared between threads by periods; returns how many were done, the rest being the caller's.
     */
    static int forward(float[] x, float[] y, PoolGeometry g, int count) {
        int period = period(g.ow());
        int periods = count / period;
        int[] map = map(g.ow(), period);
        Parallel.ranges(periods, parts((long) periods * period), (from, to) -> forward(x, y, g, map, from, to));
        return periods * period;
    }

    /** Threads worth using for {@code outputs} windows (each a few nanoseconds). */
    private static int parts(long outputs) {
        return Parallel.partsFor(outputs, 1 << 13);
    }

    private static void forward(float[] x, float[] y, PoolGeometry g, int[] map, int fromPeriod, int toPeriod) {
        int w = g.w();
        int period = map.length;
        int span = period / g.ow() * 2 * w; // input advanced by one period of outputs
        for (int t = fromPeriod; t < toPeriod; t++) {
            int base = t * span;
            for (int at = 0; at < period; at += LANES) {
                FloatVector m = FloatVector.fromArray(SPECIES, x, base, map, at);
                FloatVector b = FloatVector.fromArray(SPECIES, x, base + 1, map, at);
                m = m.blend(b, takes(b, m));
                FloatVector c = FloatVector.fromArray(SPECIES, x, base + w, map, at);
                m = m.blend(c, takes(c, m));
                FloatVector d = FloatVector.fromArray(SPECIES, x, base + w + 1, map, at);
                m = m.blend(d, takes(d, m));
                m.intoArray(y, t * period + at);
            }
        }
    }

    /**
     * {@link #forward} followed by relu, with each window's corner (0 to 3 in row-major order, as
     * {@link #forward} picks it) in {@code argmax}, or -1 where the output is zero (the relu passes no
     * gradient there; a NaN passes it, as PyTorch's relu does). Row by row of windows, without
     * gathers: a vector of a row's inputs is read as longs, each the pair of one window, and
     * narrowed twice (low and high halves) into the windows' left and right inputs; the last
     * windows of a row are masked.
     */
    static void reluForward(float[] x, float[] y, float[] argmax, PoolGeometry g) {
        int windowRows = g.n() * g.c() * g.oh();
        Parallel.ranges(windowRows, parts((long) windowRows * g.ow()),
                (from, to) -> reluForward(x, y, argmax, g, from, to));
    }

    private static void reluForward(float[] x, float[] y, float[] argmax, PoolGeometry g, int fromRow, int toRow) {
        int ow = g.ow(), w = g.w(), half = HALF.length();
        FloatVector zero = FloatVector.zero(HALF);
        FloatVector none = FloatVector.broadcast(HALF, -1f);
        for (int r = fromRow; r < toRow; r++) {
            int top = 2 * r * w, out = r * ow;
            for (int ox = 0; ox < ow; ox += half) {
                VectorMask<Float> windows = HALF.indexInRange(ox, ow);
                VectorMask<Float> inputs = SPECIES.indexInRange(2 * ox, 2 * ow);
                LongVector upper = FloatVector.fromArray(SPECIES, x, top + 2 * ox, inputs).reinterpretAsLongs();
                LongVector lower = FloatVector.fromArray(SPECIES, x, top + w + 2 * ox, inputs).reinterpretAsLongs();
                FloatVector m = left(upper);
                FloatVector b = right(upper);
                VectorMask<Float> take = takes(b, m);
                m = m.blend(b, take);
                FloatVector corner = zero.blend(1f, take);
                FloatVector c = left(lower);
                take = takes(c, m);
                m = m.blend(c, take);
                corner = corner.blend(2f, take);
                FloatVector d = right(lower);
                take = takes(d, m);
                m = m.blend(d, take);
                corner = corner.blend(3f, take);
                FloatVector relu = m.blend(zero, m.compare(VectorOperators.LE, 0f)); // NaN stays
                relu.intoArray(y, out + ox, windows);
                corner.blend(none, relu.compare(VectorOperators.LE, 0f)).intoArray(argmax, out + ox, windows);
            }
        }
    }

    /** The first float of each pair (the low half of each long: lanes are little-endian). */
    private static FloatVector left(LongVector pairs) {
        return ((IntVector) pairs.convertShape(VectorOperators.L2I, HALF_INTS, 0)).reinterpretAsFloats();
    }

    /** The second float of each pair. */
    private static FloatVector right(LongVector pairs) {
        return ((IntVector) pairs.lanewise(VectorOperators.LSHR, 32).convertShape(VectorOperators.L2I, HALF_INTS, 0))
                .reinterpretAsFloats();
    }

    /**
     * The gradient of {@link #reluForward}: each window's output gradient at the corner kept in
     * {@code argmax} and zeros at the other three (at all four for -1), the two rows of a vector of
     * windows written as pairs (the inverse of the forward's narrowing).
     */
    static void reluBackward(float[] dy, float[] argmax, float[] dx, PoolGeometry g) {
        int windowRows = g.n() * g.c() * g.oh();
        Parallel.ranges(windowRows, parts((long) windowRows * g.ow()),
                (from, to) -> reluBackward(dy, argmax, dx, g, from, to));
    }

    private static void reluBackward(float[] dy, float[] argmax, float[] dx, PoolGeometry g, int fromRow, int toRow) {
        int ow = g.ow(), w = g.w(), half = HALF.length();
        FloatVector zero = FloatVector.zero(HALF);
        for (int r = fromRow; r < toRow; r++) {
            int top = 2 * r * w, out = r * ow;
            for (int ox = 0; ox < ow; ox += half) {
                VectorMask<Float> windows = HALF.indexInRange(ox, ow);
                VectorMask<Float> inputs = SPECIES.indexInRange(2 * ox, 2 * ow);
                FloatVector grad = FloatVector.fromArray(HALF, dy, out + ox, windows);
                FloatVector corner = FloatVector.fromArray(HALF, argmax, out + ox, windows);
                FloatVector p = zero.blend(grad, corner.compare(VectorOperators.EQ, 0f));
                FloatVector q = zero.blend(grad, corner.compare(VectorOperators.EQ, 1f));
                FloatVector c = zero.blend(grad, corner.compare(VectorOperators.EQ, 2f));
                FloatVector d = zero.blend(grad, corner.compare(VectorOperators.EQ, 3f));
                pairs(p, q).intoArray(dx, top + 2 * ox, inputs);
                pairs(c, d).intoArray(dx, top + w + 2 * ox, inputs);
            }
        }
    }

    /** {@code left} and {@code right} interleaved: the inverse of {@link #left} and {@link #right}. */
    private static FloatVector pairs(FloatVector left, FloatVector right) {
        LongVector low = ((LongVector) left.reinterpretAsInts().convertShape(VectorOperators.I2L, LONGS, 0))
                .and(0xFFFF_FFFFL);
        LongVector high = ((LongVector) right.reinterpretAsInts().convertShape(VectorOperators.I2L, LONGS, 0))
                .lanewise(VectorOperators.LSHL, 32);
        return low.or(high).reinterpretAsFloats();
    }

    /**
     * The gradient: each window's four inputs written, its gradient at the maximum {@link #forward}
     * picks and zero elsewhere. Scalar (scatters are not compiled to vector stores on JDK 17), with
     * the four comparisons written out.
     */
    static void backward(float[] dy, float[] x, float[] dx, PoolGeometry g) {
        int windowRows = g.n() * g.c() * g.oh();
        Parallel.ranges(windowRows, parts((long) windowRows * g.ow()), (from, to) -> backward(dy, x, dx, g, from, to));
    }

    private static void backward(float[] dy, float[] x, float[] dx, PoolGeometry g, int fromRow, int toRow) {
        int ow = g.ow(), w = g.w();
        for (int r = fromRow; r < toRow; r++) {
            int top = 2 * r * w, out = r * ow;
            for (int ox = 0; ox < ow; ox++) {
                int a = top + 2 * ox, c = a + w;
                float p = x[a], q = x[a + 1], r2 = x[c], s2 = x[c + 1];
                // Which input is the first maximum, as the forward picks it; written as selects, not
                // branches: the maximum's place in a window is data, and mispredicting it cost more
                // than the rest of the kernel (18% of a LeNet-5 step).
                boolean takeQ = q > p || q != q;
                float m = takeQ ? q : p;
                boolean takeR = r2 > m || r2 != r2;
                m = takeR ? r2 : m;
                boolean takeS = s2 > m || s2 != s2;
                int at = takeS ? 3 : takeR ? 2 : takeQ ? 1 : 0;
                float grad = dy[out + ox];
                dx[a] = at == 0 ? grad : 0f;
                dx[a + 1] = at == 1 ? grad : 0f;
                dx[c] = at == 2 ? grad : 0f;
                dx[c + 1] = at == 3 ? grad : 0f;
            }
        }
    }

    /** Where {@code v} replaces the maximum so far: greater, or NaN. */
    private static VectorMask<Float> takes(FloatVector v, FloatVector max) {
        return v.compare(VectorOperators.GT, max).or(v.test(VectorOperators.IS_NAN));
    }
}
