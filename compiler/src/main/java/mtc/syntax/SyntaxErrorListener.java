package mtc.syntax;

import java.util.ArrayList;
import java.util.List;
import mtc.diag.Diagnostic;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Collects the parser's complaints as diagnostics. After {@link #MAX_ERRORS} it stops the parse:
 * a megabyte of garbage should give a screenful of errors, not a million.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    static final int MAX_ERRORS = 50;

    private final Spans spans;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    SyntaxErrorListener(Spans spans) {
        this.spans = spans;
    }

    /** Thrown to abandon a parse that has produced {@link #MAX_ERRORS} errors. */
    static final class TooManyErrors extends RuntimeException {
        TooManyErrors() {
            super(null, null, false, false);
        }
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                            String message, RecognitionException e) {
        diagnostics.add(Diagnostic.error(spans.of((Token) offendingSymbol), message));
        if (diagnostics.size() >= MAX_ERRORS) throw new TooManyErrors();
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
