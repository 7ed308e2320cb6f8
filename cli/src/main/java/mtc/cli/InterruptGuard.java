package mtc.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, also SIGTERM) during training into a clean stop: a shutdown hook raises
 * a flag that the training loop reads after every batch, then holds the JVM open (for a bounded
 * time) until the loop has saved its checkpoint and said so. The JVM then exits with status 130,
 * as for any process ended by SIGINT. Only the portable shutdown-hook API is used, no
 * {@code sun.misc.Signal}.
 */
final class InterruptGuard implements AutoCloseable {
    /** The exit status of a process stopped by SIGINT (128 + 2). */
    static final int EXIT_STATUS = 130;
    /** Time the loop gets to finish its batch (or evaluation) and save; past it the JVM exits anyway. */
    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::holdUntilFinished, "mtc-interrupt");
    private volatile boolean requested;

    private InterruptGuard() {}

    /** Starts listening for Ctrl-C; close it when training is over, stopped or not. */
    static InterruptGuard install() {
        InterruptGuard guard = new InterruptGuard();
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** Whether the user asked to stop. */
    boolean requested() {
        return requested;
    }

    private void holdUntilFinished() {
        requested = true;
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases a waiting shutdown, or removes the hook when no one asked to stop. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs and returns now that the latch is open.
        }
    }
}
