package mtc.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mtc.check.CheckResult;
import mtc.check.Checker;
import mtc.diag.Diagnostic;
import mtc.diag.SourceFile;
import mtc.diag.Span;
import mtc.syntax.ParseResult;
import mtc.syntax.SyntaxParser;

/**
 * The front end in one call: parse, then check. The checker also looks at a file with syntax
 * errors, at the statements that parsed, so that one run reports every error it can find.
 */
public final class Frontend {
    /** Diagnostics are sorted by position; those without one (the whole file) come first. */
    private static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(Diagnostic::span,
            Comparator.nullsFirst(Comparator.comparingInt(Span::line).thenComparingInt(Span::column)));

    private Frontend() {}

    /** Checks {@code source} against the memory this JVM may use. */
    public static FrontendResult check(SourceFile source) {
        return check(source, Runtime.getRuntime().maxMemory());
    }

    /** Checks {@code source}; a model whose weights need more than {@code memoryBudgetBytes} is an error. */
    public static FrontendResult check(SourceFile source, long memoryBudgetBytes) {
        if (source.text().length() > SourceReader.MAX_CHARS) {
            return new FrontendResult(List.of(SourceReader.tooLarge(source.text().length())), null);
        }
        ParseResult parsed = SyntaxParser.parse(source);
        if (parsed.program() == null) return new FrontendResult(parsed.diagnostics(), null);
        CheckResult checked = Checker.check(parsed.program(), source.name(), memoryBudgetBytes, !parsed.complete());
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        all.addAll(checked.diagnostics());
        all.sort(BY_POSITION);
        return new FrontendResult(all, parsed.complete() ? checked.model() : null);
    }
}
