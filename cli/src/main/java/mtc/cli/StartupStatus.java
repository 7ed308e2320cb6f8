package mtc.cli;

import java.io.PrintWriter;

/**
 * Says on a terminal what {@code mtc train} does in the seconds before its first line (loading the
 * data, warming up the model's code), so that a person does not wonder whether it hangs. Logs and
 * pipes get nothing: there the banner follows a few seconds later, and every line stays meaningful.
 */
final class StartupStatus {
    private final PrintWriter err;
    private final boolean shown;

    /** Shows what happens on {@code err} when {@code shown} (on a terminal, as the progress bar: when a person watches). */
    StartupStatus(PrintWriter err, boolean shown) {
        this.err = err;
        this.shown = shown;
    }

    /** {@code mtc: WHAT...} on its own line. */
    void show(String what) {
        if (!shown) return;
        err.println("mtc: " + what + "...");
        err.flush();
    }
}
