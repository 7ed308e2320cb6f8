package mtc.check;

import java.util.List;
import mtc.diag.Diagnostic;

/** The checker's findings, and the checked model when none of them is an error (else null). */
public record CheckResult(List<Diagnostic> diagnostics, CheckedModel model) {
    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
