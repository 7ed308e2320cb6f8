package mtc.check;

import java.util.ArrayList;
import java.util.List;
import mtc.diag.Diagnostic;

/**
 * Collects one check's diagnostics in the order found; one per check run, never global. When some
 * statements were lost to syntax errors, problems that a lost statement could explain (no layers,
 * no input, an unknown constant) are not reported: they would most likely be false.
 */
final class Reporter {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final boolean statementsMissing;

    Reporter(boolean statementsMissing) {
        this.statementsMissing = statementsMissing;
    }

    /** The most notes a diagnostic shows: the innermost block uses, then how many more there are. */
    private static final int MAX_NOTES = 4;

    /** Notes that every diagnostic reported now gets, innermost first (the block uses being checked). */
    private final java.util.Deque<String> notes = new java.util.ArrayDeque<>();

    void report(Diagnostic diagnostic) {
        Diagnostic noted = diagnostic;
        int shown = 0;
        for (String note : notes) {
            if (shown++ == MAX_NOTES - 1 && notes.size() > MAX_NOTES) {
                noted = noted.withNote("and in " + (notes.size() - shown + 1) + " more block uses around it");
                break;
            }
            noted = noted.withNote(note);
        }
        diagnostics.add(noted);
    }

    /** Reports a problem that a statement lost to a syntax error could explain, if none was lost. */
    void reportUnlessStatementsMissing(Diagnostic diagnostic) {
        if (!statementsMissing) report(diagnostic);
    }

    /** Runs {@code check} with {@code note} on everything it reports. */
    void within(String note, Runnable check) {
        notes.push(note);
        try {
            check.run();
        } finally {
            notes.pop();
        }
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
