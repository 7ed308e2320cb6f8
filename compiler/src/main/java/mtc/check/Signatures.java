package mtc.check;

import static mtc.check.Signature.integer;
import static mtc.check.Signature.real;

import java.util.List;
import java.util.Map;
import mtc.syntax.Call;

/** The arguments each layer and optimizer accepts. */
final class Signatures {
    private static final String LINEAR_HELP = "write linear(10) to infer the input size, or linear(784, 10)";

    static final Signature LINEAR = new Signature("linear", List.of(
            integer("in", false, "the number of input features"),
            integer("out", true, "the number of output features")), LINEAR_HELP);
    /** {@code linear(10)}: a single positional argument is the output size. */
    static final Signature LINEAR_OUT_ONLY = new Signature("linear", List.of(
            integer("out", true, "the number of output features"),
            integer("in", false, "the number of input features")), LINEAR_HELP);
    static final Signature BATCHNORM = new Signature("batchnorm", List.of(
            real("eps", false, "eps"), real("momentum", false, "momentum")),
            "write batchnorm, or batchnorm(eps = 1e-5, momentum = 0.1)");
    static final Signature RELU = new Signature("relu", List.of(), "write relu");
    static final Signature DROPOUT = new Signature("dropout", List.of(
            real("p", true, "the drop probability p")), "write dropout(0.2) to drop 20% of the values");
    static final Signature FLATTEN = new Signature("flatten", List.of(), "write flatten");
    static final Signature SGD = new Signature("sgd", List.of(real("lr", false, "lr")), "write sgd(lr = 0.1)");

    /** Layer names in the order the documentation lists them. */
    static final List<String> LAYERS = List.of("linear", "batchnorm", "relu", "dropout", "flatten");
    static final Map<String, Signature> OPTIMIZERS = Map.of("sgd", SGD);

    private Signatures() {}

    static Signature linear(Call call) {
        long positional = call.arguments().stream().filter(a -> !a.isNamed()).count();
        return positional == 1 ? LINEAR_OUT_ONLY : LINEAR;
    }
}
