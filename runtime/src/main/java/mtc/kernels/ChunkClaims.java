package mtc.kernels;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The chunks {@code [0, count)} of one {@link Parallel#claim} call, handed out one at a time from
 * either end: the caller takes them from the front, workers from the back. The unclaimed range is
 * one word (front in the high half, back in the low), so a claim is one compare-and-set.
 */
final class ChunkClaims {
    private final AtomicLong range;

    ChunkClaims(int count) {
        range = new AtomicLong(count & 0xFFFF_FFFFL);
    }

    /** The first (or last) chunk nobody has claimed, now claimed; -1 when none is left. */
    int next(boolean fromFront) {
        for (;;) {
            long r = range.get();
            int front = (int) (r >>> 32), back = (int) r;
            if (front >= back) return -1;
            if (range.compareAndSet(r, fromFront ? r + (1L << 32) : r - 1)) return fromFront ? front : back - 1;
        }
    }
}
