package mtc.driver;

import java.util.List;
import mtc.check.CheckedModel;
import mtc.diag.Diagnostic;

/**
 * What the front end found in one file: every diagnostic in source order, and the checked model
 * when none of them is an error (null otherwise).
 */
public record FrontendResult(List<Diagnostic> diagnostics, CheckedModel model) {
    public FrontendResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
