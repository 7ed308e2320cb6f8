package mtc.syntax;

import java.util.List;
import mtc.diag.Diagnostic;

/**
 * What {@link SyntaxParser#parse} found: the syntax tree, or null when the file has syntax errors
 * (the checker then does not run, so that a half-parsed statement cannot cause follow-on errors).
 */
public record ParseResult(Program program, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
