package mtc.train;

import mtc.data.Dataset;
import mtc.kernels.BackgroundWork;
import mtc.kernels.Parallel;

/**
 * The mini-batches of an epoch, each copied (bytes to floats) while the one before it trains: a
 * kernel worker copies the next batch's samples between the parts of the step it helps with
 * ({@link Parallel#background}), so that the copy, which waits on memory (the samples of a shuffled
 * batch lie anywhere in the data set), costs the step little. Two buffers take turns. The numbers
 * are those of copying each batch just before its step.
 */
final class Batches {
    private final Dataset data;
    private final int[] order;
    private final int batch;
    private float[] x;
    private int[] y;
    private float[] nextX;
    private int[] nextY;
    /** The copy of the batch that starts at {@link #nextFrom}, under way, or null. */
    private BackgroundWork next;
    private int nextFrom = -1;

    /** The batches of {@code batch} samples of {@code data} in {@code order} (which each epoch shuffles anew). */
    Batches(Dataset data, int[] order, int batch) {
        this.data = data;
        this.order = order;
        this.batch = batch;
        x = new float[batch * data.sampleSize()];
        y = new int[batch];
        nextX = new float[x.length];
        nextY = new int[batch];
    }

    /**
     * Makes {@link #x()} and {@link #y()} the {@code n} samples from position {@code from}, and
     * starts copying the batch after them, in the background when the step uses {@code threads} > 1.
     */
    void load(int from, int n, int threads) {
        boolean copied = nextFrom == from;
        finish();
        if (copied) {
            float[] fx = x;
            x = nextX;
            nextX = fx;
            int[] fy = y;
            y = nextY;
            nextY = fy;
        } else {
            data.copyBatch(order, from, n, x, y);
        }
        int after = from + n;
        if (after < order.length) {
            float[] bx = nextX;
            int[] by = nextY;
            int count = Math.min(batch, order.length - after);
            next = Parallel.background(threads, count, s -> data.copySamples(order, after, s, s + 1, bx, by));
            nextFrom = after;
        }
    }

    float[] x() { return x; }

    int[] y() { return y; }

    /** Waits for a copy under way: before the epoch's order changes, or training ends or stops. */
    void finish() {
        if (next != null) next.finish();
        next = null;
        nextFrom = -1;
    }
}
