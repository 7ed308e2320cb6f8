package mtc.check;

import static mtc.check.Signature.real;

import java.util.List;
import java.util.Map;

/** The arguments each optimizer accepts, and the names of the layers (each layer's own are in its rule). */
final class Signatures {
    static final Signature SGD = new Signature("sgd", List.of(real("lr", false, "lr")), "write sgd(lr = 0.1)");

    /** Layer names in the order the documentation lists them. */
    static final List<String> LAYERS = LayerRules.NAMES;
    static final Map<String, Signature> OPTIMIZERS = Map.of("sgd", SGD);

    private Signatures() {}
}
