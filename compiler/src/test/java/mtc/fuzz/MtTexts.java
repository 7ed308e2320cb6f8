package mtc.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of {@code .mt} texts for property tests: programs built from the language's own
 * pieces (mostly plausible, often subtly wrong), so that the fuzzer reaches the checker and not
 * only the lexer.
 */
final class MtTexts {
    private MtTexts() {}

    private static final List<String> LAYER_NAMES = List.of(
            "linear", "batchnorm", "relu", "dropout", "flatten", "batchnrom", "lineer", "conv2d", "Relu", "x",
            "maxpool2d", "avgpool2d", "global_avgpool", "maxpool", "tanh", "sigmoid", "gelu", "leaky_relu");
    private static final List<String> ARG_NAMES = List.of("p", "eps", "momentum", "in", "out", "lr", "q", "hidden",
            "k", "stride", "padding", "dilation", "bias", "slope");
    private static final List<String> WORDS = List.of("same", "true", "false", "valid");

    static Arbitrary<String> programs() {
        Arbitrary<String> statement = Arbitraries.oneOf(
                chain(), modelStatement(), inputStatement(), letStatement(),
                Arbitraries.of("loss cross_entropy", "loss mse", "optimizer sgd(lr = 0.1)",
                        "optimizer adam(0.1)", "# comment", "", "->", ")", "((((", "let", "input []"));
        return statement.list().ofMinSize(1).ofMaxSize(8)
                .flatMap(lines -> Arbitraries.of("\n", "\r\n", " \n\t").map(eol -> String.join(eol, lines)));
    }

    static Arbitrary<String> chain() {
        return layer().list().ofMinSize(1).ofMaxSize(12)
                .flatMap(layers -> Arbitraries.of(" -> ", "->", "\n  -> ", " ->\n ", " - > ", " ")
                        .map(sep -> String.join(sep, layers)));
    }

    private static Arbitrary<String> layer() {
        Arbitrary<String> name = Arbitraries.of(LAYER_NAMES);
        Arbitrary<String> args = argument().list().ofMaxSize(4).map(a -> "(" + String.join(", ", a) + ")");
        return Combinators.combine(name, Arbitraries.oneOf(Arbitraries.just(""), args)).as(String::concat);
    }

    private static Arbitrary<String> argument() {
        Arbitrary<String> value = Arbitraries.oneOf(number(), pair(), Arbitraries.of(WORDS));
        Arbitrary<String> named = Combinators.combine(Arbitraries.of(ARG_NAMES), value)
                .as((n, v) -> n + " = " + v);
        return Arbitraries.oneOf(number(), pair(), named, Arbitraries.of(ARG_NAMES));
    }

    /** {@code [3, 5]}, and lists of the wrong length or with wrong items. */
    private static Arbitrary<String> pair() {
        return Arbitraries.oneOf(number(), Arbitraries.of(WORDS)).list().ofMaxSize(3)
                .map(items -> "[" + String.join(", ", items) + "]");
    }

    static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 1100).map(String::valueOf),
                Arbitraries.of("0", "1", "10", "784", "256", "0.2", "1e-3", "1e-5", "2.5e3", "1e400", "-0.5",
                        "99999999999999999999999", "2147483648", "65536", "0.", ".5", "1e", "0x10", "NaN"));
    }

    private static Arbitrary<String> modelStatement() {
        return Arbitraries.of("model Net", "model class", "model 9lives", "model", "model A B", "model Mnist_Mlp");
    }

    private static Arbitrary<String> inputStatement() {
        return Arbitraries.oneOf(number().list().ofMaxSize(4).map(d -> "input [" + String.join(",", d) + "]"),
                Arbitraries.of("input [1, 28, 28]", "input [3, 32, 32]", "input [1, 5, 7]"));
    }

    private static Arbitrary<String> letStatement() {
        return Combinators.combine(Arbitraries.of(ARG_NAMES), Arbitraries.oneOf(number(), Arbitraries.of(ARG_NAMES)))
                .as((n, v) -> "let " + n + " = " + v);
    }
}
