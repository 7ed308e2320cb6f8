package mtc.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import mtc.runtime.Threads;

/**
 * Runs the parts of one kernel call on the calling thread plus persistent worker threads. A
 * training step makes a few products of tens of microseconds each, so the hand-over must cost
 * well under a microsecond: workers spin on a volatile sequence number (parking only after a
 * while idle), where a fork-join pool costs tens of microseconds per call. The thread count is
 * {@link Threads#current()}: the running network's own count. Which thread computes which part is
 * fixed by the part number, so results are deterministic for a given thread count.
 */
public final class Parallel {
    /** Held while workers run a call; a concurrent or nested call runs its parts serially instead. */
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    /** Started on first use and never stopped (they are daemons); guarded by {@link #BUSY}. */
    private static ParallelWorker[] workers = new ParallelWorker[0];

    private Parallel() {}

    /** The configured number of threads kernels may use. */
    public static int threads() {
        return Threads.current();
    }

    /**
     * Threads worth using for {@code work} units when a thread needs at least {@code perThread} of
     * them to pay for handing work over (a microsecond or so).
     */
    public static int partsFor(long work, long perThread) {
        return (int) Math.max(1, Math.min(threads(), work / perThread));
    }

    /** Runs {@code rounds} empty calls on every thread, so that the JIT compiles the hand-over itself. */
    public static void warmUp(int rounds) {
        for (int i = 0; i < rounds; i++) forEach(threads(), part -> { });
    }

    /** Work over one contiguous range {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over {@code [0, total)} cut into {@code parts} contiguous ranges, one per thread. */
    public static void ranges(int total, int parts, Range body) {
        if (parts == 1) {
            body.run(0, total);
            return;
        }
        forEach(parts, part -> body.run(cut(total, part, parts), cut(total, part + 1, parts)));
    }

    /**
     * Runs {@code chunk.accept(i)} for every {@code i} in {@code [0, count)} on up to {@code parts}
     * threads, each chunk run by whichever thread claims it first: the caller takes chunks from the
     * front and the workers from the back, so that at an even pace each thread keeps to the same
     * chunks from call to call (and their data to its core's caches), while a thread that falls
     * behind (descheduled by a busy machine, or on a slower share) has its chunks taken over rather
     * than waited for: the caller then waits for one chunk at most. A chunk's result must not depend
     * on the thread that runs it.
     */
    public static void claim(int count, int parts, IntConsumer chunk) {
        if (parts <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) chunk.accept(i);
            return;
        }
        ChunkClaims claims = new ChunkClaims(count);
        forEach(Math.min(parts, count), part -> {
            for (int i; (i = claims.next(part == 0)) >= 0; ) chunk.accept(i);
        });
    }

    /**
     * Runs {@code task.accept(part)} for every part in {@code [0, parts)}, part 0 on the calling
     * thread, and returns when all are done; an exception in any part is rethrown here.
     */
    public static void forEach(int parts, IntConsumer task) {
        if (parts > 1 && BUSY.compareAndSet(false, true)) {
            try {
                dispatch(parts, task);
            } finally {
                BUSY.set(false);
            }
        } else {
            for (int part = 0; part < parts; part++) task.accept(part);
        }
    }

    /**
     * Threads worth using for {@code elements} elements streamed once (each a nanosecond or less):
     * a thread needs about 2^15 of them to pay for the hand-over.
     */
    public static int partsForStreamed(long elements) {
        return partsFor(elements, 1 << 15);
    }

    /**
     * Runs {@code body} over {@code [0, size)} elements streamed once (element-wise kernels), cut
     * into contiguous ranges at whole vectors, on as many threads as that many elements pay for.
     * Each element is computed alone, so the numbers do not depend on the cut.
     */
    public static void elements(int size, Range body) {
        int parts = partsForStreamed(size);
        if (parts == 1) {
            body.run(0, size);
            return;
        }
        int lanes = GemmKernels.LANES, vectors = (size + lanes - 1) / lanes;
        forEach(parts, part -> body.run(Math.min(size, cut(vectors, part, parts) * lanes),
                Math.min(size, cut(vectors, part + 1, parts) * lanes)));
    }

    /**
     * Starts {@code count} independent chunks of {@code chunk} that the first worker runs whenever
     * it has no part to run, as long as {@code threads} is more than one; the caller runs the rest
     * at {@link BackgroundWork#finish}, which it must call before it uses what they make. For
     * work that can overlap with the kernels of a training step (copying the next mini-batch).
     */
    public static BackgroundWork background(int threads, int count, IntConsumer chunk) {
        BackgroundWork work = new BackgroundWork(count, chunk);
        if (threads > 1 && count > 0 && BUSY.compareAndSet(false, true)) {
            try {
                workers(1)[0].startBackground(work);
            } finally {
                BUSY.set(false);
            }
        }
        return work;
    }

    /** Where part {@code part} of {@code parts} begins in {@code [0, total)}. */
    private static int cut(int total, int part, int parts) {
        return (int) ((long) total * part / parts);
    }

    private static void dispatch(int parts, IntConsumer task) {
        ParallelWorker[] helpers = workers(parts - 1);
        for (int part = 1; part < parts; part++) helpers[part - 1].start(task, part);
        Throwable failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int part = 1; part < parts; part++) {
            Throwable f = helpers[part - 1].await();
            if (failure == null) failure = f;
        }
        rethrow(failure);
    }

    private static ParallelWorker[] workers(int count) {
        if (workers.length < count) {
            ParallelWorker[] grown = java.util.Arrays.copyOf(workers, count);
            for (int i = workers.length; i < count; i++) grown[i] = new ParallelWorker("mtc-kernel-worker-" + (i + 1));
            workers = grown;
        }
        return workers;
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException("kernel worker failed", failure);
    }
}
