package mtc.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import mtc.diag.Diagnostic;
import mtc.grammar.MtLexer;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Refuses residual connections nested deeper than {@link #MAX_DEPTH} before the parser sees them:
 * the parser descends once per level, and a file of a million {@code residual(} must give an
 * error, not a stack overflow. Counted on the tokens, so it costs one pass over them.
 */
final class NestingLimit {
    /** The deepest nesting of residual connections (and block uses) the language allows. */
    static final int MAX_DEPTH = 32;

    private NestingLimit() {}

    static Optional<Diagnostic> check(CommonTokenStream tokens, Spans spans) {
        tokens.fill();
        Deque<Integer> open = new ArrayDeque<>(); // parenthesis depth at which each residual opened
        int depth = 0;
        Token previous = null;
        for (Token token : tokens.getTokens()) {
            switch (token.getType()) {
                case MtLexer.LPAREN -> {
                    depth++;
                    if (previous != null && previous.getType() == MtLexer.RESIDUAL) open.push(depth);
                    if (open.size() > MAX_DEPTH) {
                        return Optional.of(Diagnostic.error(spans.of(previous), "residual connections nest deeper than "
                                + MAX_DEPTH + " levels here", "split the model into blocks of fewer levels"));
                    }
                }
                case MtLexer.RPAREN -> {
                    if (!open.isEmpty() && open.peek() == depth) open.pop();
                    depth = Math.max(0, depth - 1);
                }
                case MtLexer.NEWLINE -> {
                    open.clear();
                    depth = 0;
                }
                default -> { }
            }
            previous = token;
        }
        return Optional.empty();
    }
}
