package mtc.check;

import java.util.List;
import mtc.diag.Diagnostic;
import mtc.diag.Quoted;
import mtc.diag.Span;
import mtc.syntax.Element;
import mtc.syntax.Name;
import mtc.syntax.Statement;

/** The diagnostics of blocks and residual connections, with their wording, in one place. */
final class BlockProblems {
    private BlockProblems() {}

    /** A use binds its arguments to the block's parameters, positional or named, like a layer's. */
    static Signature signature(Statement.Block block) {
        List<Signature.Parameter> parameters = block.parameters().stream()
                .map(p -> Signature.real(p.text(), true, "a value for its parameter " + Quoted.of(p.text()))).toList();
        String example = block.name().text() + "(" + String.join(", ",
                block.parameters().stream().map(Name::text).toList()) + ")";
        return new Signature(block.name().text(), parameters, "write " + example);
    }

    static Diagnostic recursive(Name use, List<String> cycle) {
        return Diagnostic.error(use.span(), "block " + Quoted.of(use.text()) + " uses itself: "
                + String.join(" -> ", cycle), "a block is spliced in where it is used, so it cannot contain itself");
    }

    static Diagnostic tooDeep(Span at, int limit) {
        return Diagnostic.error(at, "blocks and residual connections nest deeper than " + limit + " levels here",
                "flatten the nesting: chain the blocks instead of nesting them");
    }

    static Diagnostic notShortcut(Name label) {
        return Diagnostic.error(label.span(), "residual takes a body and 'shortcut = CHAIN', not "
                + Quoted.of(label.text()), "write residual(body, shortcut = conv2d(32, 1, stride=2) -> batchnorm)");
    }

    static Diagnostic sidesDiffer(Element.Residual residual, Flow body, Flow shortcut, Flow in) {
        String other = residual.shortcut().isPresent() ? "the shortcut gives " + shortcut.shape()
                : "the identity shortcut passes its input " + shortcut.shape() + " on";
        return Diagnostic.error(residual.span(), "the two sides of residual differ: its body gives " + body.shape()
                + ", but " + other, "add a shortcut that gives " + body.shape() + ": " + suggestion(in.shape(), body.shape()));
    }

    /** {@code shortcut = conv2d(32, 1, stride=2) -> batchnorm} for images, {@code shortcut = linear(n)} for vectors. */
    private static String suggestion(Shape in, Shape out) {
        if (in.rank() == 3 && out.rank() == 3) {
            int stride = out.dim(1) > 0 && in.dim(1) % out.dim(1) == 0 ? in.dim(1) / out.dim(1) : 1;
            return "shortcut = conv2d(" + out.dim(0) + ", 1" + (stride > 1 ? ", stride=" + stride : "") + ") -> batchnorm";
        }
        if (out.rank() == 1) return "shortcut = linear(" + out.dim(0) + ")";
        return "shortcut = CHAIN";
    }

    static Diagnostic duplicateBlock(Name second, Span first) {
        return Diagnostic.error(second.span(), "block " + Quoted.of(second.text()) + " is already defined at " + first,
                "give this block another name");
    }

    static Diagnostic blockNamedLikeLayer(Name name) {
        return Diagnostic.error(name.span(), "block " + Quoted.of(name.text()) + " has the name of a layer",
                "give the block another name");
    }

    static Diagnostic duplicateParameter(Name second) {
        return Diagnostic.error(second.span(), "parameter " + Quoted.of(second.text()) + " is given twice");
    }

    static Diagnostic unusedParameter(Name parameter, Name block) {
        return Diagnostic.warning(parameter.span(), "parameter " + Quoted.of(parameter.text()) + " of block "
                + Quoted.of(block.text()) + " is never used", "remove it, or use it in the block's layers");
    }
}
