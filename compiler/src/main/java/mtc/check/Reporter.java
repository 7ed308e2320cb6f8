package mtc.check;

import java.util.ArrayList;
import java.util.List;
import mtc.diag.Diagnostic;

/** Collects one check's diagnostics in the order found; one per check run, never global. */
final class Reporter {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
