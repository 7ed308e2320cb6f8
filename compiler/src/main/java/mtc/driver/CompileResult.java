package mtc.driver;

import java.util.List;
import mtc.diag.Diagnostic;

/**
 * What compiling one source file gave: every diagnostic (warnings too), and the compilation when
 * there was no error (null otherwise).
 */
public record CompileResult(List<Diagnostic> diagnostics, Compilation compilation) {
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return compilation != null;
    }
}
