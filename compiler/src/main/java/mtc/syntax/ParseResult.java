package mtc.syntax;

import java.util.List;
import mtc.diag.Diagnostic;

/**
 * What {@link SyntaxParser#parse} found: the syntax errors, and the tree of the statements without
 * any. {@code program} is null only when the parse was abandoned (the file is hopelessly garbled).
 */
public record ParseResult(Program program, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether every statement of the file is in the tree. */
    public boolean complete() {
        return diagnostics.isEmpty();
    }
}
