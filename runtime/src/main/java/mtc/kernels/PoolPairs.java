package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling with 2x2 windows, stride 2, no padding and even input sizes (the windows tile the
 * input exactly), vectorised across consecutive outputs of all planes: output {@code o}'s window
 * starts at input {@code 2·o + 2·ow·(o / ow)}, a pattern that repeats every {@code lcm(ow, LANES)}
 * outputs, so one index map serves every vector of outputs (gathers of the four corners). The
 * maximum is chosen as {@link Pool2d} does: the first of the corners in row-major order, unless
 * a later one is greater or NaN ({@code v.compare(GT, m).or(v.test(IS_NAN))}, written out at each
 * use: as a method of its own, C2 compiled it alone once hot and then called it from a large
 * kernel instead of inlining it, boxing every mask; the fused convolution's pooling ran 1.4x slower).
 */
final class PoolPairs {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;
    /** Windows {@code 0..LANES/2−1} (and the rest) each spread to two lanes: a pair's left and right input. */
    private static final VectorShuffle<Float> LOW_HALF = VectorShuffle.fromOp(SPECIES, i -> i / 2);
    private static final VectorShuffle<Float> HIGH_HALF = VectorShuffle.fromOp(SPECIES, i -> LANES / 2 + i / 2);
    /** The corner each lane of a row of pairs stands for: 0, 1 on the top row, 2, 3 on the bottom one. */
    private static final FloatVector LEFT_RIGHT = FloatVector.fromArray(SPECIES, pairCorners(0), 0);
    private static final FloatVector BOTTOM_LEFT_RIGHT = FloatVector.fromArray(SPECIES, pairCorners(2), 0);

    /** Shuffles of two vectors (a row's next 2·LANES inputs) into the windows' left and right inputs. */
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(SPECIES, i -> 2 * i);
    private static final VectorShuffle<Float> ODDS = VectorShuffle.fromOp(SPECIES, i -> 2 * i + 1);
    /** Windows to a row from which {@link #reluForwardPlane} reads rows and shuffles instead of gathering. */
    static final int SHUFFLED_WINDOWS = LANES / 2;

    private PoolPairs() {}

    private static float[] pairCorners(int first) {
        float[] corners = new float[LANES];
        for (int i = 0; i < LANES; i++) corners[i] = first + i % 2;
        return corners;
    }

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

    /** Window corner offsets for one period of outputs ({@link #planeMap} over rows of the input's width). */
    private static int[] map(PoolGeometry g, int period) {
        return planeMap(g.ow(), g.w(), period, new int[period]);
    }

    /**
     * Outputs from 0 in whole periods (so the windows done cover exactly the first {@code 4·done}
     * inputs), shared between threads by periods; returns how many were done, the rest being the caller's.
     */
    static int forward(float[] x, float[] y, PoolGeometry g, int count) {
        int period = period(g.ow());
        int periods = count / period;
        int[] map = map(g, period);
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
                m = m.blend(b, b.compare(VectorOperators.GT, m).or(b.test(VectorOperators.IS_NAN)));
                FloatVector c = FloatVector.fromArray(SPECIES, x, base + w, map, at);
                m = m.blend(c, c.compare(VectorOperators.GT, m).or(c.test(VectorOperators.IS_NAN)));
                FloatVector d = FloatVector.fromArray(SPECIES, x, base + w + 1, map, at);
                m = m.blend(d, d.compare(VectorOperators.GT, m).or(d.test(VectorOperators.IS_NAN)));
                m.intoArray(y, t * period + at);
            }
        }
    }

    /**
     * {@link #forward} followed by relu, with each window's corner (0 to 3 in row-major order, as
     * {@link #forward} picks it) in {@code argmax}, or -1 where the output is zero (the relu passes no
     * gradient there; a NaN passes it, as PyTorch's relu does). Same periods and return as {@link #forward}.
     */
    static int reluForward(float[] x, float[] y, float[] argmax, PoolGeometry g, int count) {
        if (g.ow() >= SHUFFLED_WINDOWS) return reluForwardRows(x, y, argmax, g);
        int period = period(g.ow());
        int periods = count / period;
        int[] map = map(g, period);
        Parallel.ranges(periods, parts((long) periods * period),
                (from, to) -> reluForward(x, y, argmax, g, map, from, to));
        return periods * period;
    }

    /**
     * {@link #reluForward} of rows of many windows, a row at a time with shuffles
     * ({@link #reluForwardPlane}, shared between threads by rows): all rows but the last ones whose
     * reads would pass the end of {@code x}; returns the outputs done.
     */
    private static int reluForwardRows(float[] x, float[] y, float[] argmax, PoolGeometry g) {
        int w = g.w(), ow = g.ow();
        int reach = w + 2 * LANES * ((ow + LANES - 1) / LANES); // read from a row pair's first input
        int rows = g.n() * g.c() * g.oh();
        while (rows > 0 && 2L * (rows - 1) * w + reach > x.length) rows--;
        int done = rows;
        Parallel.ranges(done, parts((long) done * ow), (from, to) ->
                reluForwardPlane(x, 2 * from * w, w, 0f, null, ow, (to - from) * ow, y, argmax, from * ow));
        return done * ow;
    }

    /** Periods {@code [fromPeriod, toPeriod)} of {@link #reluForward}, each gathered as one plane of its windows. */
    private static void reluForward(float[] x, float[] y, float[] argmax, PoolGeometry g, int[] map,
                                    int fromPeriod, int toPeriod) {
        int period = map.length;
        int span = period / g.ow() * 2 * g.w(); // input advanced by one period of outputs
        for (int t = fromPeriod; t < toPeriod; t++) {
            reluForwardPlane(x, t * span, g.w(), 0f, map, g.ow(), period, y, argmax, t * period);
        }
    }

    /**
     * The window offsets of one plane's {@code count} outputs, {@code windows} to a row, in a plane
     * whose rows are {@code stride} apart, for {@link #reluForwardPlane}: rounded up to whole
     * vectors by repeating the last window (whose lanes are not stored).
     */
    static int[] planeMap(int windows, int stride, int count, int[] into) {
        for (int o = 0; o < into.length; o++) {
            int last = Math.min(o, count - 1);
            into[o] = 2 * (last % windows) + 2 * stride * (last / windows);
        }
        return into;
    }

    /** Length of the {@link #planeMap} of {@code count} outputs. */
    static int planeMapLength(int count) {
        return (count + LANES - 1) / LANES * LANES;
    }

    /**
     * {@link #reluForward} of one plane plus {@code bias}, read from {@code in} at {@code from} with
     * rows {@code stride} apart; the {@code count} outputs ({@code windows} to a row) and their
     * corners go to {@code y} and {@code argmax} at {@code to}. The bias is added to each input
     * before the comparisons, as adding it to the plane first would. Rows of
     * {@link #SHUFFLED_WINDOWS} windows or more are read a row at a time and split into the windows'
     * corners by two-vector shuffles (LeNet-5's conv1, 14 windows: 3.5x faster than gathers while
     * the plane is in cache); shorter ones are gathered through {@code map} ({@link #planeMap}), 16
     * windows at a time across rows ({@code map} is not read otherwise). Either way each window's
     * four values meet in one lane, so the numbers are the same. With shuffles, up to two vectors
     * past the plane's last row are read.
     */
    static void reluForwardPlane(float[] in, int from, int stride, float bias, int[] map, int windows, int count,
                                 float[] y, float[] argmax, int to) {
        boolean shuffled = windows >= SHUFFLED_WINDOWS;
        int rows = shuffled ? count / windows : 1, perRow = shuffled ? windows : count;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector none = FloatVector.broadcast(SPECIES, -1f);
        for (int r = 0; r < rows; r++) {
            int top = from + 2 * r * stride;
            for (int j = 0; j < perRow; j += LANES) {
                int at = r * perRow + j;
                FloatVector m, b, c, d;
                if (shuffled) {
                    FloatVector t0 = FloatVector.fromArray(SPECIES, in, top + 2 * j);
                    FloatVector t1 = FloatVector.fromArray(SPECIES, in, top + 2 * j + LANES);
                    FloatVector u0 = FloatVector.fromArray(SPECIES, in, top + stride + 2 * j);
                    FloatVector u1 = FloatVector.fromArray(SPECIES, in, top + stride + 2 * j + LANES);
                    m = t0.rearrange(EVENS, t1);
                    b = t0.rearrange(ODDS, t1);
                    c = u0.rearrange(EVENS, u1);
                    d = u0.rearrange(ODDS, u1);
                } else {
                    m = FloatVector.fromArray(SPECIES, in, from, map, at);
                    b = FloatVector.fromArray(SPECIES, in, from + 1, map, at);
                    c = FloatVector.fromArray(SPECIES, in, from + stride, map, at);
                    d = FloatVector.fromArray(SPECIES, in, from + stride + 1, map, at);
                }
                m = m.add(bias);
                b = b.add(bias);
                VectorMask<Float> take = b.compare(VectorOperators.GT, m).or(b.test(VectorOperators.IS_NAN));
                m = m.blend(b, take);
                FloatVector corner = zero.blend(1f, take);
                c = c.add(bias);
                take = c.compare(VectorOperators.GT, m).or(c.test(VectorOperators.IS_NAN));
                m = m.blend(c, take);
                corner = corner.blend(2f, take);
                d = d.add(bias);
                take = d.compare(VectorOperators.GT, m).or(d.test(VectorOperators.IS_NAN));
                m = m.blend(d, take);
                corner = corner.blend(3f, take);
                FloatVector out = m.blend(zero, m.compare(VectorOperators.LE, 0f)); // relu; NaN stays
                corner = corner.blend(none, out.compare(VectorOperators.LE, 0f));
                VectorMask<Float> stored = SPECIES.indexInRange(j, perRow);
                out.intoArray(y, to + at, stored);
                corner.intoArray(argmax, to + at, stored);
            }
        }
    }

    /** Output {@code o} of {@link #reluForward}, one window at a time (for the outputs after the whole periods). */
    static void reluForwardOne(float[] x, float[] y, float[] argmax, PoolGeometry g, int o) {
        int a = 2 * o + 2 * g.ow() * (o / g.ow()), w = g.w();
        float m = x[a];
        int corner = 0;
        for (int k = 1; k < 4; k++) {
            float v = x[a + (k & 1) + (k >> 1) * w];
            if (v > m || Float.isNaN(v)) {
                m = v;
                corner = k;
            }
        }
        float out = m <= 0f ? 0f : m;
        y[o] = out;
        argmax[o] = out <= 0f ? -1f : corner;
    }

    /**
     * The gradient of {@link #reluForward}: each window's output gradient at the corner kept in
     * {@code argmax} and zeros at the other three (at all four for -1), shared between threads
     * by rows of windows.
     */
    static void reluBackward(float[] dy, float[] argmax, float[] dx, PoolGeometry g) {
        int windowRows = g.n() * g.c() * g.oh();
        Parallel.ranges(windowRows, parts((long) windowRows * g.ow()),
                (from, to) -> reluBackward(dy, argmax, dx, g, from, to));
    }

    /**
     * Window rows {@code [fromRow, toRow)}, a vector of windows at a time: each window's gradient and
     * corner spread to the two lanes of its pair by one-vector shuffles, and each pair lane kept where
     * the corner is its own (left/right, top/bottom), masked at the end of a row. On LeNet-5's
     * 14-window rows twice as fast as making the pairs by two-vector shuffles, and faster than zeroing
     * the rows and then writing each window's corner (its 5-window rows).
     */
    private static void reluBackward(float[] dy, float[] argmax, float[] dx, PoolGeometry g, int fromRow, int toRow) {
        int ow = g.ow(), w = g.w();
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int ox = 0; ox < ow; ox += LANES) {
            VectorMask<Float> windows = SPECIES.indexInRange(ox, ow);
            VectorMask<Float> low = SPECIES.indexInRange(2 * ox, w);
            VectorMask<Float> high = SPECIES.indexInRange(2 * ox + LANES, w);
            boolean two = 2 * ox + LANES < w;
            for (int r = fromRow; r < toRow; r++) {
                int top = 2 * r * w + 2 * ox, out = r * ow + ox;
                FloatVector grad = FloatVector.fromArray(SPECIES, dy, out, windows);
                FloatVector corner = FloatVector.fromArray(SPECIES, argmax, out, windows);
                FloatVector g0 = grad.rearrange(LOW_HALF), c0 = corner.rearrange(LOW_HALF);
                zero.blend(g0, c0.compare(VectorOperators.EQ, LEFT_RIGHT)).intoArray(dx, top, low);
                zero.blend(g0, c0.compare(VectorOperators.EQ, BOTTOM_LEFT_RIGHT)).intoArray(dx, top + w, low);
                if (two) {
                    FloatVector g1 = grad.rearrange(HIGH_HALF), c1 = corner.rearrange(HIGH_HALF);
                    zero.blend(g1, c1.compare(VectorOperators.EQ, LEFT_RIGHT)).intoArray(dx, top + LANES, high);
                    zero.blend(g1, c1.compare(VectorOperators.EQ, BOTTOM_LEFT_RIGHT))
                            .intoArray(dx, top + w + LANES, high);
                }
            }
        }
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
}
