package mtc.syntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mtc.diag.Quoted;
import mtc.grammar.MtLexer;
import mtc.grammar.MtParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Words for tokens in syntax errors: "end of line" instead of ANTLR's {@code '\n'}, and so on. */
final class TokenDescriptions {
    private static final int MAX_EXPECTED = 4;
    private static final Set<Integer> STATEMENT_STARTS = Set.of(
            MtLexer.MODEL, MtLexer.INPUT, MtLexer.LET, MtLexer.LOSS, MtLexer.OPTIMIZER, MtLexer.BLOCK, MtLexer.DATA, MtLexer.SCHEDULE,
            MtLexer.RESIDUAL, MtLexer.IDENT);

    private TokenDescriptions() {}

    /** What was found: {@code 'relu'}, {@code end of line}, {@code character '$'}. */
    static String found(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case MtLexer.NEWLINE -> "end of line";
            case MtLexer.ARROW -> "'->'";
            case MtLexer.UNKNOWN_CHAR -> character(token.getText());
            default -> Quoted.of(token.getText());
        };
    }

    /** What would have been right, e.g. {@code ')' or ','}; empty when the list would be too long. */
    static String expected(IntervalSet types, ParserRuleContext context) {
        List<String> words = new ArrayList<>(phrases(types, context));
        if (words.isEmpty() || words.size() > MAX_EXPECTED) return "";
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static Set<String> phrases(IntervalSet types, ParserRuleContext context) {
        Set<String> phrases = new LinkedHashSet<>();
        List<Integer> remaining = types.toList();
        if (remaining.containsAll(STATEMENT_STARTS)) {
            // Where a statement may start, a line end or the end of the file may too: not worth saying.
            phrases.add("a statement or a layer");
            remaining.removeAll(STATEMENT_STARTS);
            remaining.removeAll(List.of(MtLexer.NEWLINE, Token.EOF));
        }
        if (remaining.contains(MtLexer.RESIDUAL) && remaining.contains(MtLexer.IDENT)) {
            phrases.add("a layer"); // an element of a chain: a layer, a block's use or residual(...)
            remaining.removeAll(List.of(MtLexer.RESIDUAL, MtLexer.IDENT));
        }
        if (remaining.contains(MtLexer.NEWLINE)) remaining.remove(Integer.valueOf(Token.EOF));
        if (afterChain(context)) phrases.add("'->'"); // the chain's own loop has ended, but could go on

        for (int type : remaining) phrases.add(type == MtLexer.IDENT ? nameIn(context) : phrase(type));
        return phrases;
    }

    private static boolean afterChain(ParserRuleContext context) {
        return context instanceof MtParser.LineContext && context.getChildCount() > 0
                && context.getChild(0) instanceof MtParser.ChainStatementContext;
    }

    /** What kind of name the rule being parsed wants. */
    private static String nameIn(ParserRuleContext context) {
        if (context instanceof MtParser.CallContext && context.getChildCount() == 0) {
            return context.getParent() instanceof MtParser.OptimizerStatementContext ? "an optimizer name" : "a layer";
        }
        if (context instanceof MtParser.ModelStatementContext) return "a model name";
        if (context instanceof MtParser.LetStatementContext) return "a constant name";
        if (context instanceof MtParser.LossStatementContext) return "a loss name";
        if (context instanceof MtParser.DataNameContext) return "a data set name";
        return "a name";
    }

    private static String phrase(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case MtLexer.NEWLINE -> "end of line";
            case MtLexer.ARROW -> "'->'";
            case MtLexer.INT, MtLexer.FLOAT, MtLexer.MINUS -> "a number";
            default -> MtLexer.VOCABULARY.getDisplayName(type);
        };
    }

    private static String character(String text) {
        int c = text.codePointAt(0);
        if (Character.isISOControl(c) || Character.isWhitespace(c)) return String.format("character U+%04X", c);
        return "character '" + text + "'";
    }
}
