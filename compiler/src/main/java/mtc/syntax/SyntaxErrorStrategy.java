package mtc.syntax;

import mtc.grammar.MtLexer;
import mtc.grammar.MtParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery (skip to the next line end and carry on, so that every statement gets its own
 * error) with messages in the user's words instead of "mismatched input ... expecting {...}".
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        report(parser, e.getOffendingToken(), parser.getExpectedTokens());
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    /**
     * A line that starts with junk: report it and skip to the line's end. ANTLR's own sync would
     * give up on the whole rest of the file here, since the error is outside any statement.
     */
    @Override
    public void sync(Parser parser) {
        int next = parser.getInputStream().LA(1);
        if (!(parser.getContext() instanceof MtParser.ProgramContext) || parser.getExpectedTokens().contains(next)) {
            super.sync(parser);
            return;
        }
        reportUnwantedToken(parser);
        consumeUntil(parser, IntervalSet.of(MtLexer.NEWLINE));
    }

    /** After an error, skip to the end of the line: statements are lines. */
    @Override
    protected IntervalSet getErrorRecoverySet(Parser parser) {
        return IntervalSet.of(MtLexer.NEWLINE);
    }

    /**
     * Never recover by deleting a line end: statements are lines, and gluing the next line onto a
     * broken one turns one error into two.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        if (parser.getInputStream().LA(1) == MtLexer.NEWLINE) return null;
        return super.singleTokenDeletion(parser);
    }

    private static void report(Parser parser, Token token, IntervalSet expected) {
        String found = TokenDescriptions.found(token);
        String wanted = TokenDescriptions.expected(expected, parser.getContext());
        // After a stray character, what was expected is beside the point.
        boolean plain = wanted.isEmpty() || token.getType() == MtLexer.UNKNOWN_CHAR;
        parser.notifyErrorListeners(token, plain ? "unexpected " + found : "expected " + wanted + ", found " + found,
                null);
    }
}
