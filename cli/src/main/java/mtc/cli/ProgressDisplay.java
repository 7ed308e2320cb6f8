package mtc.cli;

import java.io.PrintWriter;
import mtc.train.TrainListener;

/**
 * Chooses how training shows its progress: a live bar when a person watches a terminal, plain
 * lines otherwise (logs, CI, pipes), where a redrawn bar would only leave clutter.
 */
final class ProgressDisplay {
    /** Inside an epoch slower than this, plain output shows a progress line this often. */
    private static final long PLAIN_LINE_INTERVAL_NANOS = 10_000_000_000L;

    private ProgressDisplay() {}

    /** The progress listener for this process's output; {@code err} receives the plain lines. */
    static TrainListener forThisTerminal(PrintWriter err) {
        // The bar class (and its terminal library) is only loaded here, so other commands never pay for it.
        return System.console() != null ? new ProgressBarDisplay() : new ProgressLines(err, PLAIN_LINE_INTERVAL_NANOS);
    }
}
