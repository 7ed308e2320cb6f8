package mtc.syntax;

import mtc.diag.SourceFile;
import mtc.diag.Span;
import mtc.grammar.MtLexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The one place where ANTLR positions (1-based lines, 0-based columns, inclusive stop indexes)
 * become {@link Span}s. Tokens that swallow blank space (arrows, line ends, end of file) are
 * narrowed to the character a reader would point at.
 */
final class Spans {
    private final SourceFile source;

    Spans(SourceFile source) {
        this.source = source;
    }

    Span of(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> endOfText();
            case MtLexer.ARROW -> arrow(token);
            case MtLexer.NEWLINE -> new Span(token.getLine(), token.getCharPositionInLine() + 1, 1);
            default -> new Span(token.getLine(), token.getCharPositionInLine() + 1, codePoints(token.getText()));
        };
    }

    /** From the first token of {@code context} to its last, when both are on one line. */
    Span of(ParserRuleContext context) {
        return of(context.getStart()).to(of(context.getStop()));
    }

    /** The {@code ->} inside an arrow token, which may begin with blank lines and comments. */
    private static Span arrow(Token token) {
        String text = token.getText();
        int at = text.indexOf("->");
        int lastBreak = text.lastIndexOf('\n', at);
        if (lastBreak < 0) return new Span(token.getLine(), token.getCharPositionInLine() + at + 1, 2);
        int breaks = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        return new Span(token.getLine() + breaks, at - lastBreak, 2);
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Just after the last visible character: "missing ... at end of file" points there. */
    private Span endOfText() {
        String text = source.text();
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Span(line, end - lineStart + 1, 1);
    }
}
