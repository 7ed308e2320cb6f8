package mtc.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import mtc.diag.SourceFile;
import mtc.diag.Span;
import org.junit.jupiter.api.Test;

/** The syntax tree and its spans; error messages are covered by the golden files. */
class SyntaxParserTest {
    private static Program parse(String text) {
        ParseResult result = SyntaxParser.parse(new SourceFile("t.mt", text));
        assertEquals(List.of(), result.diagnostics());
        return result.program();
    }

    @Test
    void everyStatementKind() {
        Program program = parse("model M\ninput [1, 28]\nlet h = 2\nrelu\nloss cross_entropy\n"
                + "optimizer sgd(lr = 1e-3)\n");
        List<Class<?>> kinds = program.statements().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(Statement.Model.class, Statement.Input.class, Statement.Let.class, Statement.Chain.class,
                Statement.Loss.class, Statement.Optimizer.class), kinds);
    }

    @Test
    void aChainMayBreakBeforeOrAfterArrowsWithCommentsBetween() {
        Program program = parse("linear(784, 10) ->  # after\n\n  relu\n  # between\n  -> dropout(0.5)\n");
        Statement.Chain chain = (Statement.Chain) program.statements().get(0);
        assertEquals(List.of("linear", "relu", "dropout"),
                chain.layers().stream().map(c -> ((Call) c).name().text()).toList());
        assertEquals(new Span(3, 3, 4), chain.layers().get(1).span());
        assertEquals(new Span(5, 6, 7), chain.layers().get(2).span());
    }

    @Test
    void literalsKeepTheirExactValues() {
        Call call = (Call) ((Statement.Chain) parse("f(-3, 2.5e-1, x = 99999999999999999999, y = .5)").statements()
                .get(0)).layers().get(0);
        List<Value> values = call.arguments().stream().map(Argument::value).toList();
        assertEquals(new Value.IntLiteral(BigInteger.valueOf(-3), new Span(1, 3, 2)), values.get(0));
        assertEquals(0.25, ((Value.FloatLiteral) values.get(1)).value());
        assertEquals(new BigInteger("99999999999999999999"), ((Value.IntLiteral) values.get(2)).value());
        assertEquals(Optional.of("y"), call.arguments().get(3).name().map(Name::text));
    }

    @Test
    void crlfLineEndsGiveTheSamePositionsAsLf() {
        Program program = parse("input [784]\r\n\tlinear(784, 10)\r\n");
        Statement.Chain chain = assertInstanceOf(Statement.Chain.class, program.statements().get(1));
        assertEquals(new Span(2, 2, 6), chain.span());
    }

    @Test
    void aLikelyMisspeltKeywordIsAnUnknownStatement() {
        Statement.Unknown unknown = assertInstanceOf(Statement.Unknown.class, parse("modle M\n").statements().get(0));
        assertEquals("modle", unknown.keyword().text());
        assertEquals(new Span(1, 7, 1), unknown.next());
    }

    @Test
    void linesWithSyntaxErrorsAreLeftOutOfTheTree() {
        ParseResult result = SyntaxParser.parse(new SourceFile("t.mt", "linear(\nmodel M\nrelu relu relu ->\n"));
        assertEquals(2, result.diagnostics().size());
        assertEquals(List.of(Statement.Model.class), result.program().statements().stream()
                .<Class<?>>map(Object::getClass).toList());
    }

    @Test
    void aFloodOfErrorsAbandonsTheParse() {
        ParseResult result = SyntaxParser.parse(new SourceFile("t.mt", "$\n".repeat(100)));
        assertNull(result.program());
        assertEquals(50, result.diagnostics().size());
    }

    @Test
    void blocksAndResidualConnectionsNest() {
        Program program = parse("block b(c) = conv2d(c, 3) -> relu\n"
                + "b(4) -> residual(b(4) -> residual(relu), shortcut = conv2d(4, 1)) -> flatten\n");
        Statement.Block block = (Statement.Block) program.statements().get(0);
        assertEquals("b", block.name().text());
        assertEquals(List.of("c"), block.parameters().stream().map(Name::text).toList());
        Statement.Chain chain = (Statement.Chain) program.statements().get(1);
        Element.Residual residual = (Element.Residual) chain.layers().get(1);
        assertEquals(new Span(2, 9, 8), residual.span());
        assertEquals("shortcut", residual.label().orElseThrow().text());
        assertEquals(2, residual.body().layers().size());
        assertTrue(residual.body().layers().get(1) instanceof Element.Residual);
        assertEquals(1, residual.shortcut().orElseThrow().layers().size());
    }

    /** The parser descends once per level: a deeper file is refused before it is parsed, with one error. */
    @Test
    void residualConnectionsNestAtMost32Deep() {
        assertTrue(SyntaxParser.parse(new SourceFile("ok.mt", "residual(".repeat(32) + "relu"
                + ")".repeat(32))).diagnostics().isEmpty());
        ParseResult deep = SyntaxParser.parse(new SourceFile("deep.mt", "residual(".repeat(1_000_000)));
        assertEquals(1, deep.diagnostics().size());
        assertEquals("residual connections nest deeper than 32 levels here", deep.diagnostics().get(0).message());
        assertEquals(new Span(1, 32 * 9 + 1, 8), deep.diagnostics().get(0).span());
    }
}
