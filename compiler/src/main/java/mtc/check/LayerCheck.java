package mtc.check;

import java.util.Optional;
import java.util.function.DoublePredicate;
import mtc.diag.Span;
import mtc.syntax.Call;

/** What every layer rule uses: argument binding, the reporter, and the checks that rules share. */
final class LayerCheck {
    private final ArgumentBinder binder;
    private final Reporter reporter;

    LayerCheck(ArgumentBinder binder, Reporter reporter) {
        this.binder = binder;
        this.reporter = reporter;
    }

    BoundArguments bind(Call call, Signature signature) {
        return binder.bind(call, signature);
    }

    void report(mtc.diag.Diagnostic diagnostic) {
        reporter.report(diagnostic);
    }

    /** Reports {@code diagnostic} unless a statement lost to a syntax error could explain it. */
    void reportUnlessStatementsMissing(mtc.diag.Diagnostic diagnostic) {
        reporter.reportUnlessStatementsMissing(diagnostic);
    }

    /** Whether the incoming shape is known; reports the missing {@code input} statement once. */
    boolean known(Call call, Flow in) {
        if (in.inputUndeclared()) reporter.reportUnlessStatementsMissing(Problems.noInput(call.name()));
        return in.isKnown();
    }

    boolean positive(String parameter, Num num) {
        if (num.intValue() >= 1) return true;
        reporter.report(Problems.notPositive(parameter, num));
        return false;
    }

    /** Whether the argument, if given and well-typed, satisfies {@code test}; reports if not. */
    boolean inRange(BoundArguments args, String parameter, DoublePredicate test, String range) {
        Optional<Num> num = args.get(parameter);
        if (num.isEmpty()) return !args.given(parameter);
        if (test.test(num.get().real())) return true;
        reporter.report(Problems.outOfRange(num.get(), parameter, range));
        return false;
    }

    /** The incoming shape, passed on unchanged by a layer with an error that does not change shapes. */
    static Flow passedOn(String kind, Call call, Flow in) {
        return Flow.of(in.shape(), produces(kind, call.name().span()));
    }

    static String produces(String kind, Span span) {
        return kind + " at " + span + " produces";
    }
}
