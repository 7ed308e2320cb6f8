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

    void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** Reports a problem that a statement lost to a syntax error could explain, if none was lost. */
    void reportUnlessStatementsMissing(Diagnostic diagnostic) {
        if (!statementsMissing) diagnostics.add(diagnostic);
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
