package mtc.codegen;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import mtc.ir.Autodiff;
import mtc.ir.Buffer;
import mtc.ir.Op;
import mtc.ir.Program;

/**
 * The choices that depend on this machine's kernels rather than on the model, made from facts the
 * IR states: how each linear weight is stored, and which products look for the zeros of the data.
 * <ul>
 *   <li>A weight with at least {@link #WIDE_OUTPUTS} outputs is stored transposed, {@code [in,out]}:
 *       the forward product then reads it in place, and its rows are what a zero input element
 *       lets the product skip. A narrower layer (a classifier's few outputs) keeps PyTorch's
 *       {@code [out,in]}, whose rows its products read as dot products along {@code in}. A weight's
 *       gradient is stored as its weight is.</li>
 *   <li>Only a product of the data batch itself (images: mostly exact zeros) skips zero tiles, and
 *       only through a transposed weight.</li>
 * </ul>
 */
final class KernelChoice {
    /** Outputs from which a linear weight is stored transposed: one 512-bit vector of floats. */
    static final int WIDE_OUTPUTS = 16;

    private final Set<String> transposed = new HashSet<>();

    KernelChoice(Program program) {
        Stream.of(program.forwardTrain(), program.forwardEval()).flatMap(java.util.List::stream)
                .filter(op -> op instanceof Op.MatMul m && m.outFeatures() >= WIDE_OUTPUTS)
                .map(op -> ((Op.MatMul) op).weight())
                .forEach(w -> {
                    transposed.add(w.name());
                    transposed.add(Autodiff.gradient(w).name());
                });
    }

    /** Whether {@code b} (a weight or a weight's gradient) is stored as its transpose. */
    boolean transposed(Buffer b) {
        return transposed.contains(b.name());
    }

    /** Whether a product of {@code in} with {@code weight} skips the zero tiles of {@code in}. */
    boolean skipsZeros(Buffer in, Buffer weight) {
        return in.role() == Buffer.Role.INPUT && transposed(weight);
    }
}
