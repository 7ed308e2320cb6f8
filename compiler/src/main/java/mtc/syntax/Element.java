package mtc.syntax;

import java.util.Optional;
import mtc.diag.Span;

/** One element of a chain: a {@link Call} (a layer or a block's use) or a residual connection. */
public sealed interface Element permits Call, Element.Residual {
    /** Where the element's name ({@code residual}, or the call's name) is. */
    Span span();

    /**
     * {@code residual(body)} or {@code residual(body, shortcut = chain)}: {@code body(x) + shortcut(x)}.
     * {@code label} is the name written before the second chain (it should be {@code shortcut}).
     */
    record Residual(Span span, Statement.Chain body, Optional<Name> label, Optional<Statement.Chain> shortcut)
            implements Element {}
}
