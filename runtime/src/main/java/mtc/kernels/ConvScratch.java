package mtc.kernels;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-thread buffers of the convolution kernels, reused between calls: the column matrix of a
 * chunk, its weight-gradient sums, and a chunk of output gradients or outputs.
 */
final class ConvScratch {
    private static final ThreadLocal<ConvScratch> PER_THREAD = ThreadLocal.withInitial(ConvScratch::new);

    private float[] columns = new float[0];
    private float[] sums = new float[0];
    private float[] outputs = new float[0];
    private float[] partials = new float[0];
    private float[] plane = new float[0];
    private float[] weights = new float[0];
    private float[] transformedWeights = new float[0];
    private int[] shifts = new int[0];
    private int[] rowShifts = new int[0];
    private int[] poolMap = new int[0];
    private float[] lanes = new float[0];
    private float[] padded = new float[0];
    /** The convolution call whose padding {@link #padded} holds (zeros), or 0. */
    private long paddedFor;
    private static final AtomicLong CALLS = new AtomicLong();

    private ConvScratch() {}

    static ConvScratch current() {
        return PER_THREAD.get();
    }

    /** The column matrix {@code col[K, ld]} of a chunk. */
    float[] columns(int size) {
        if (columns.length < size) columns = new float[size];
        return columns;
    }

    /** A chunk's weight-gradient sums {@code [cout, K]} (the column-matrix path). */
    float[] sums(int size) {
        if (sums.length < size) sums = new float[size];
        return sums;
    }

    /** A chunk of outputs or output gradients as {@code [cout, ld]}. */
    float[] outputs(int size) {
        if (outputs.length < size) outputs = new float[size];
        return outputs;
    }

    /** A rearranged copy of a weight, shared with the workers for one call. */
    float[] weights(int size) {
        if (weights.length < size) weights = new float[size];
        return weights;
    }

    /** A weight in the Winograd domain ({@link ConvWinograd#transformWeight}), shared with the workers for one call. */
    float[] transformedWeights(int size) {
        if (transformedWeights.length < size) transformedWeights = new float[size];
        return transformedWeights;
    }

    /** Offsets of the column matrix's rows in padded planes, shared with the workers for one call. */
    int[] shifts(int size) {
        if (shifts.length < size) shifts = new int[size];
        return shifts;
    }

    /** Column-matrix row offsets of one chunk. */
    int[] rowShifts(int size) {
        if (rowShifts.length < size) rowShifts = new int[size];
        return rowShifts;
    }

    /** Window offsets of a pooled plane ({@link PoolPairs#planeMap}), shared with the workers for one call. */
    int[] poolMap(int size) {
        if (poolMap.length < size) poolMap = new int[size];
        return poolMap;
    }

    /** Room for parked accumulators. */
    float[] lanes(int size) {
        if (lanes.length < size) lanes = new float[size];
        return lanes;
    }

    /** A number for one convolution call, never 0 and never repeated. */
    static long nextCall() {
        return CALLS.incrementAndGet();
    }

    /**
     * A sample's zero-padded planes for convolution {@code call}: zeroed on this thread's first
     * use in the call, then handed back as the last sample left them (its interior overwritten by
     * the next sample, its padding still zero).
     */
    float[] paddedPlanes(int size, long call) {
        if (padded.length < size) padded = new float[size];
        if (paddedFor != call) {
            Arrays.fill(padded, 0, size, 0f);
            paddedFor = call;
        }
        return padded;
    }

    /** One zero-padded input plane (or all of a sample's). */
    float[] plane(int size) {
        if (plane.length < size) plane = new float[size];
        return plane;
    }

    /** Per-chunk weight gradients, shared with the workers for one call. */
    float[] partials(int size) {
        if (partials.length < size) partials = new float[size];
        return partials;
    }
}
