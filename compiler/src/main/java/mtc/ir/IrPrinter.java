package mtc.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of {@code mtc compile --emit ir}: one op per line, {@code outputs = op inputs attributes},
 * each buffer with its shape ({@code B} is the batch size, known only at run time).
 */
public final class IrPrinter {
    private IrPrinter() {}

    public static String print(Program p) {
        StringBuilder out = new StringBuilder();
        out.append("model ").append(p.name()).append(" input [B,").append(p.input().toString().substring(1))
                .append(" classes ").append(p.classes());
        if (!Double.isNaN(p.defaultLr())) out.append(" lr ").append(p.defaultLr());
        out.append("\n\nvalues (slot, value, role):\n");
        for (Buffer b : p.buffers()) {
            String slot = b.role() == Buffer.Role.INPUT ? "-" : String.valueOf(p.slot(b));
            out.append(String.format("  %-4s %-28s %s%n", slot, b, b.role().name().toLowerCase()));
        }
        section(out, "init", p.init());
        section(out, "forward train", p.forwardTrain());
        section(out, "backward", p.backward());
        section(out, "update(lr)", p.update());
        section(out, "forward eval", p.forwardEval());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Op> ops) {
        out.append('\n').append(title).append(":\n");
        for (Op op : ops) out.append("  ").append(line(op)).append('\n');
    }

    static String line(Op op) {
        String writes = join(op.writes());
        String text = (writes.isEmpty() ? "" : writes + " = ") + opName(op) + " " + join(op.reads());
        return (text.strip() + " " + op.attributes()).strip();
    }

    private static String join(List<Buffer> buffers) {
        return buffers.stream().map(Buffer::toString).collect(Collectors.joining(", "));
    }

    /** {@code MatMulGradWeight} -> {@code matmul_grad_weight}. */
    static String opName(Op op) {
        if (op instanceof Op.Activation a) return a.kind().keyword();
        if (op instanceof Op.ActivationGrad g) return g.kind().keyword() + "_grad";
        String name = op.getClass().getSimpleName().replace("MatMul", "Matmul");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
