package mtc.syntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mtc.grammar.MtLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Words for tokens in syntax errors: "end of line" instead of ANTLR's {@code '\n'}, and so on. */
final class TokenDescriptions {
    private static final int MAX_EXPECTED = 4;
    private static final Set<Integer> STATEMENT_STARTS = Set.of(
            MtLexer.MODEL, MtLexer.INPUT, MtLexer.LET, MtLexer.LOSS, MtLexer.OPTIMIZER, MtLexer.IDENT);

    private TokenDescriptions() {}

    /** What was found: {@code 'relu'}, {@code end of line}, {@code character '$'}. */
    static String found(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case MtLexer.NEWLINE -> "end of line";
            case MtLexer.ARROW -> "'->'";
            case MtLexer.UNKNOWN_CHAR -> character(token.getText());
            default -> "'" + token.getText() + "'";
        };
    }

    /** What would have been right, e.g. {@code ')' or ','}; empty when the list would be too long. */
    static String expected(IntervalSet types) {
        List<String> words = new ArrayList<>(phrases(types));
        if (words.isEmpty() || words.size() > MAX_EXPECTED) return "";
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static Set<String> phrases(IntervalSet types) {
        Set<String> phrases = new LinkedHashSet<>();
        List<Integer> remaining = types.toList();
        if (remaining.containsAll(STATEMENT_STARTS)) {
            phrases.add("a statement or a layer");
            remaining.removeAll(STATEMENT_STARTS);
        }
        for (int type : remaining) phrases.add(phrase(type));
        return phrases;
    }

    private static String phrase(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case MtLexer.NEWLINE -> "end of line";
            case MtLexer.IDENT -> "a name";
            case MtLexer.INT, MtLexer.FLOAT, MtLexer.MINUS -> "a number";
            default -> MtLexer.VOCABULARY.getLiteralName(type);
        };
    }

    private static String character(String text) {
        int c = text.codePointAt(0);
        if (Character.isISOControl(c) || Character.isWhitespace(c)) return String.format("character U+%04X", c);
        return "character '" + text + "'";
    }
}
