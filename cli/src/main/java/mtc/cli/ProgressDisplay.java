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

    /** The progress listener for the output of {@code session}; {@code err} receives the plain lines. */
    static TrainListener of(Session session, PrintWriter err) {
        // The bar class (and its terminal library) is only loaded here, so other commands never pay for it.
        return session.terminal() ? new ProgressBarDisplay(session.columns())
                : new ProgressLines(err, PLAIN_LINE_INTERVAL_NANOS);
    }
}
