package mtc.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mtc.diag.Diagnostic;
import mtc.diag.SourceFile;
import mtc.grammar.MtLexer;
import mtc.grammar.MtParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * The syntax stage: source text in, our own syntax tree and the syntax errors out. A line with a
 * syntax error is left out of the tree, so that the checker can still look at all the others.
 */
public final class SyntaxParser {
    private SyntaxParser() {}

    public static ParseResult parse(SourceFile source) {
        Spans spans = new Spans(source);
        // A line end after the last line lets the grammar treat every line alike.
        MtLexer lexer = new MtLexer(CharStreams.fromString(source.text() + "\n", source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        Optional<Diagnostic> tooDeep = NestingLimit.check(tokens, spans);
        if (tooDeep.isPresent()) return new ParseResult(null, List.of(tooDeep.get()));
        MtParser parser = new MtParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrorStrategy());
        SyntaxErrorListener errors = new SyntaxErrorListener(spans);
        parser.addErrorListener(errors);
        MtParser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (SyntaxErrorListener.TooManyErrors e) {
            return new ParseResult(null, withStopNote(errors.diagnostics()));
        }
        return new ParseResult(new AstBuilder(spans).program(tree), errors.diagnostics());
    }

    private static List<Diagnostic> withStopNote(List<Diagnostic> diagnostics) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        Diagnostic last = all.remove(all.size() - 1);
        all.add(Diagnostic.error(last.span(), last.message(),
                "stopped after " + SyntaxErrorListener.MAX_ERRORS + " syntax errors; is this a .mt file?"));
        return all;
    }
}
