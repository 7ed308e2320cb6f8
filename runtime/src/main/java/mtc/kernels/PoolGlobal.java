package mtc.kernels;

import java.util.Arrays;
import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Average pooling whose one window is the whole unpadded plane ({@code global_avgpool}): each
 * plane's sum in vector lanes (then {@link GemmDot#laneSum}'s fixed tree, then the last
 * {@code h·w mod LANES} inputs in order), planes split between threads. The generic window loops
 * ran this serially, one float addition at a time (1% of a residual network's step, with the
 * second core idle). The backward pass gives the numbers of the generic one exactly.
 */
final class PoolGlobal {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;

    private PoolGlobal() {}

    /** Whether the pooling of {@code g} is one window over each whole plane, with no padding. */
    static boolean suits(PoolGeometry g) {
        return g.oh() == 1 && g.ow() == 1 && g.kh() == g.h() && g.kw() == g.w() && g.ph() == 0 && g.pw() == 0;
    }

    /** {@code y[plane]} = the mean of the plane's {@code h·w} inputs. */
    static void forward(float[] x, float[] y, PoolGeometry g) {
        int size = g.h() * g.w();
        eachPlane(g, plane -> y[plane] = sum(x, plane * size, size) / size);
    }

    /** {@code dx[plane, ·]} = {@code dy[plane] / (h·w)}: what adding it to a zeroed plane gives (+0 for -0). */
    static void backward(float[] dy, float[] dx, PoolGeometry g) {
        int size = g.h() * g.w();
        eachPlane(g, plane -> Arrays.fill(dx, plane * size, (plane + 1) * size, 0f + dy[plane] / size));
    }

    /** Runs {@code body} for every plane, the planes split between as many threads as their size pays for. */
    private static void eachPlane(PoolGeometry g, IntConsumer body) {
        int planes = g.n() * g.c();
        Parallel.ranges(planes, Parallel.partsForStreamed((long) planes * g.h() * g.w()), (from, to) -> {
            for (int plane = from; plane < to; plane++) body.accept(plane);
        });
    }

    private static float sum(float[] x, int at, int size) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i + LANES <= size; i += LANES) acc = acc.add(FloatVector.fromArray(SPECIES, x, at + i));
        float sum = GemmDot.laneSum(acc);
        for (; i < size; i++) sum += x[at + i];
        return sum;
    }
}
