package mtc.syntax;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import mtc.diag.Span;
import mtc.grammar.MtBaseVisitor;
import mtc.grammar.MtParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns an ANTLR parse tree into our immutable syntax tree, leaving out the lines with syntax errors. ANTLR types stop here:
 * nothing after the syntax stage sees a parse tree or a token.
 */
final class AstBuilder extends MtBaseVisitor<Statement> {
    private static final int MAX_DIGITS = 40;

    private final Spans spans;

    AstBuilder(Spans spans) {
        this.spans = spans;
    }

    Program program(MtParser.ProgramContext tree) {
        return new Program(tree.line().stream()
                .filter(line -> line.statement() != null && !broken(line))
                .map(line -> visit(line.statement()))
                .toList());
    }

    /** Whether the parser reported an error inside {@code tree}: it then holds an error node or an exception. */
    private static boolean broken(ParseTree tree) {
        Deque<ParseTree> pending = new ArrayDeque<>(List.of(tree));
        while (!pending.isEmpty()) {
            ParseTree node = pending.pop();
            if (node instanceof ErrorNode) return true;
            if (node instanceof ParserRuleContext context && context.exception != null) return true;
            for (int i = 0; i < node.getChildCount(); i++) pending.push(node.getChild(i));
        }
        return false;
    }

    @Override
    public Statement visitModelStatement(MtParser.ModelStatementContext ctx) {
        return new Statement.Model(span(ctx.MODEL()), name(ctx.IDENT()));
    }

    @Override
    public Statement visitInputStatement(MtParser.InputStatementContext ctx) {
        return new Statement.Input(span(ctx.INPUT()), ctx.shape().value().stream().map(this::value).toList());
    }

    @Override
    public Statement visitLetStatement(MtParser.LetStatementContext ctx) {
        return new Statement.Let(span(ctx.LET()), name(ctx.IDENT()), value(ctx.value()));
    }

    @Override
    public Statement visitLossStatement(MtParser.LossStatementContext ctx) {
        return new Statement.Loss(span(ctx.LOSS()), name(ctx.IDENT()));
    }

    @Override
    public Statement visitOptimizerStatement(MtParser.OptimizerStatementContext ctx) {
        return new Statement.Optimizer(span(ctx.OPTIMIZER()), call(ctx.call()));
    }

    /** The name is the text from its first word to its last, so that {@code fashion - mnist} is not taken for it. */
    @Override
    public Statement visitDataStatement(MtParser.DataStatementContext ctx) {
        MtParser.DataNameContext name = ctx.dataName();
        String text = name.start.getInputStream().getText(Interval.of(name.start.getStartIndex(),
                name.stop.getStopIndex()));
        return new Statement.Data(span(ctx.DATA()), new Name(text, spans.of(name)));
    }

    @Override
    public Statement visitScheduleStatement(MtParser.ScheduleStatementContext ctx) {
        return new Statement.Schedule(span(ctx.SCHEDULE()), call(ctx.call()));
    }

    @Override
    public Statement visitChainStatement(MtParser.ChainStatementContext ctx) {
        return chain(ctx.chain());
    }

    @Override
    public Statement visitBlockStatement(MtParser.BlockStatementContext ctx) {
        List<Name> parameters = ctx.IDENT().subList(1, ctx.IDENT().size()).stream().map(this::name).toList();
        return new Statement.Block(span(ctx.BLOCK()), name(ctx.IDENT(0)), parameters, chain(ctx.chain()));
    }

    private Statement.Chain chain(MtParser.ChainContext ctx) {
        List<Element> elements = ctx.element().stream().map(this::element).toList();
        return new Statement.Chain(elements.get(0).span(), elements);
    }

    private Element element(MtParser.ElementContext ctx) {
        if (ctx instanceof MtParser.CallElementContext call) return call(call.call());
        MtParser.ResidualElementContext residual = (MtParser.ResidualElementContext) ctx;
        Optional<Name> label = Optional.ofNullable(residual.IDENT()).map(this::name);
        Optional<Statement.Chain> shortcut = residual.chain().size() > 1
                ? Optional.of(chain(residual.chain(1))) : Optional.empty();
        return new Element.Residual(span(residual.RESIDUAL()), chain(residual.chain(0)), label, shortcut);
    }

    @Override
    public Statement visitUnknownStatement(MtParser.UnknownStatementContext ctx) {
        Name keyword = name(ctx.IDENT(0));
        Token next = ((TerminalNode) ctx.getChild(1)).getSymbol();
        return new Statement.Unknown(keyword.span(), keyword, spans.of(next));
    }

    private Call call(MtParser.CallContext ctx) {
        return new Call(name(ctx.IDENT()), ctx.argument().stream().map(this::argument).toList());
    }

    private Argument argument(MtParser.ArgumentContext ctx) {
        if (ctx instanceof MtParser.NamedArgumentContext named) {
            return new Argument(Optional.of(name(named.IDENT())), value(named.value(), named.shape()));
        }
        MtParser.PositionalArgumentContext positional = (MtParser.PositionalArgumentContext) ctx;
        return new Argument(Optional.empty(), value(positional.value(), positional.shape()));
    }

    /** An argument is a scalar or a list, whichever the parser found. */
    private Value value(MtParser.ValueContext scalar, MtParser.ShapeContext list) {
        if (scalar != null) return value(scalar);
        return new Value.ListLiteral(list.value().stream().map(this::value).toList(), spans.of(list));
    }

    private Value value(MtParser.ValueContext ctx) {
        if (ctx instanceof MtParser.ConstantValueContext constant) {
            return new Value.ConstantRef(name(constant.IDENT()));
        }
        return number(((MtParser.NumberValueContext) ctx).number());
    }

    private Value number(MtParser.NumberContext ctx) {
        Span span = spans.of(ctx);
        if (ctx instanceof MtParser.IntNumberContext integer) {
            BigInteger magnitude = magnitude(integer.INT().getText());
            return new Value.IntLiteral(integer.MINUS() == null ? magnitude : magnitude.negate(), span);
        }
        MtParser.FloatNumberContext real = (MtParser.FloatNumberContext) ctx;
        String text = (real.MINUS() == null ? "" : "-") + real.FLOAT().getText();
        return new Value.FloatLiteral(Double.parseDouble(text), text, span);
    }

    /** Digits beyond any sensible size are not converted: a million of them would take seconds. */
    private static BigInteger magnitude(String digits) {
        return digits.length() > MAX_DIGITS ? BigInteger.TEN.pow(MAX_DIGITS) : new BigInteger(digits);
    }

    private Name name(TerminalNode identifier) {
        return new Name(identifier.getText(), span(identifier));
    }

    private Span span(TerminalNode terminal) {
        Token token = terminal.getSymbol();
        return spans.of(token);
    }
}
