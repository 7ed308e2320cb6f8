package mtc.check;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mtc.syntax.Statement;
import mtc.syntax.Value;

/**
 * The {@code let} constants of a file and the resolution of every value to a {@link Num}
 * ({@code true} and {@code false} are literals, unless a constant takes the name). A
 * constant may use the constants defined above it; layers and shapes may use any. A value that is
 * wrong is reported once, where it is written, and resolves to nothing from then on.
 */
final class Constants {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private final Reporter reporter;
    private final Map<String, Statement.Let> declared = new LinkedHashMap<>();
    private final Map<String, Optional<Num>> values = new HashMap<>();

    private Constants(Reporter reporter) {
        this.reporter = reporter;
    }

    static Constants define(List<Statement.Let> lets, Reporter reporter) {
        Constants constants = new Constants(reporter);
        for (Statement.Let let : lets) constants.declared.putIfAbsent(let.name().text(), let);
        for (Statement.Let let : lets) constants.define(let);
        return constants;
    }

    /**
     * These constants and a block's parameters, which hide a constant of the same name inside the
     * block. A parameter whose argument was wrong (and reported) resolves to nothing.
     */
    Constants withParameters(Map<String, Optional<Num>> parameters) {
        Constants scope = new Constants(reporter);
        scope.declared.putAll(declared);
        scope.values.putAll(values);
        scope.values.putAll(parameters);
        return scope;
    }

    private void define(Statement.Let let) {
        Statement.Let first = declared.get(let.name().text());
        if (first != let) {
            reporter.report(Problems.duplicateConstant(let.name(), first.name().span()));
            return;
        }
        values.put(let.name().text(), resolve(let.value()));
    }

    /** The value's number, or empty when it is wrong (and has been reported). */
    Optional<Num> resolve(Value value) {
        if (value instanceof Value.IntLiteral literal) return integer(literal);
        if (value instanceof Value.FloatLiteral literal) return real(literal);
        if (value instanceof Value.ListLiteral list) {
            reporter.report(Problems.listNotAllowed(list));
            return Optional.empty();
        }
        return reference((Value.ConstantRef) value);
    }

    /** Whether a {@code let} defines {@code name} (before or after this point). */
    boolean isDefined(String name) {
        return declared.containsKey(name);
    }

    private Optional<Num> integer(Value.IntLiteral literal) {
        BigInteger n = literal.value();
        if (n.compareTo(INT_MIN) < 0 || n.compareTo(INT_MAX) > 0) {
            reporter.report(Problems.integerOutOfRange(literal.span()));
            return Optional.empty();
        }
        return Optional.of(Num.literal(n, n.doubleValue(), literal.span(), n.toString()));
    }

    private Optional<Num> real(Value.FloatLiteral literal) {
        if (!Double.isFinite(literal.value())) {
            reporter.report(Problems.numberOutOfRange(literal.text(), literal.span()));
            return Optional.empty();
        }
        return Optional.of(Num.literal(null, literal.value(), literal.span(), literal.text()));
    }

    private Optional<Num> reference(Value.ConstantRef ref) {
        String name = ref.name().text();
        Optional<Num> value = values.get(name);
        if (value != null) return value.map(num -> num.via(name, ref.span()));
        Statement.Let later = declared.get(name);
        if (later == null && (name.equals("true") || name.equals("false"))) {
            return Optional.of(Num.bool(name.equals("true"), ref.span()));
        }
        if (later != null) {
            reporter.report(Problems.constantUsedBeforeDefinition(ref.name(), later.name().span()));
        } else {
            reporter.reportUnlessStatementsMissing(Problems.unknownConstant(ref.name(), declared.keySet()));
        }
        return Optional.empty();
    }
}
