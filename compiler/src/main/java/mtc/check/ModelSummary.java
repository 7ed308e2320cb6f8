package mtc.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The text of {@code mtc summary}: a table of the layers with their output shapes and parameter
 * counts, then the totals. Lives beside the checked model because it only reads it.
 */
public final class ModelSummary {
    private static final String[] HEADINGS = {"#", "layer", "output", "parameters"};
    private static final String[] BATCH_HEADINGS = {"#", "layer", "output", "parameters", "batch FLOPs"};
    private static final int FLOAT_BYTES = 4;

    private ModelSummary() {}

    public static String render(CheckedModel model) {
        return render(model, 0);
    }

    /**
     * The table, and with {@code batch > 0} the forward FLOPs of each layer at that batch and the
     * memory of a training step, counted as torchinfo does: the input batch; the "forward/backward
     * pass size", every layer's output kept for the backward pass plus its gradient, in float32;
     * and the weights (parameters and running statistics, as saved).
     */
    public static String render(CheckedModel model, int batch) {
        List<String[]> rows = new ArrayList<>();
        rows.add(batch > 0 ? BATCH_HEADINGS : HEADINGS);
        addRows(rows, model.layers(), "", batch);
        StringBuilder out = new StringBuilder();
        out.append("model ").append(model.name()).append(", input ").append(model.input()).append("\n\n");
        int[] widths = widths(rows);
        for (String[] row : rows) out.append(row(row, widths)).append('\n');
        out.append('\n');
        out.append("trainable parameters: ").append(Sizes.thousands(model.parameterCount())).append('\n');
        out.append("FLOPs per sample: ").append(Sizes.thousands(model.flopsPerSample())).append('\n');
        if (batch > 0) out.append(trainingStep(model, batch));
        return out.toString();
    }

    /** The totals of a training step at {@code batch}, in the order and sense of torchinfo's. */
    private static String trainingStep(CheckedModel model, int batch) {
        long activations = all(model.layers()).mapToLong(l -> l.out().size()).sum();
        long input = (long) batch * model.input().size() * FLOAT_BYTES;
        long passes = 2L * batch * activations * FLOAT_BYTES;
        long weights = all(model.layers()).mapToLong(ModelSummary::weightBytes).sum();
        return "\nat batch " + batch + ":\n"
                + "  forward FLOPs: " + Sizes.thousands(batch * model.flopsPerSample())
                + " (a training step, with the backward pass, about three times as many)\n"
                + "  input size: " + megabytes(input) + "\n"
                + "  forward/backward pass size: " + megabytes(passes)
                + " (each layer's output, kept for the backward pass, and its gradient)\n"
                + "  weights size: " + megabytes(weights) + "\n"
                + "  estimated total size: " + megabytes(input + passes + weights) + "\n";
    }

    /**
     * A row per layer; a residual connection's own row (its parameters and FLOPs in total) is
     * followed by its body's and its shortcut's layers, indented, with their state-dict paths.
     */
    private static void addRows(List<String[]> rows, List<Layer> layers, String indent, int batch) {
        for (Layer layer : layers) {
            String[] row = {layer.path(), indent + layer.describe(), layer.out().toString(),
                Sizes.thousands(layer.parameterCount()), Sizes.thousands(batch * layer.flopsPerSample())};
            rows.add(batch > 0 ? row : java.util.Arrays.copyOf(row, HEADINGS.length));
            if (layer instanceof Layer.Residual r) {
                addRows(rows, r.body(), indent + "  ", batch);
                if (r.shortcut().isEmpty()) rows.add(shortcutRow(r, indent + "  ", batch));
                addRows(rows, r.shortcut(), indent + "  ", batch);
            }
        }
    }

    /** The identity shortcut, shown so that a reader sees both sides of the sum. */
    private static String[] shortcutRow(Layer.Residual r, String indent, int batch) {
        String[] row = {r.path() + ".shortcut", indent + "(identity)", r.in().toString(), "0", "0"};
        return batch > 0 ? row : java.util.Arrays.copyOf(row, HEADINGS.length);
    }

    /** The layers and, for a residual connection, the layers inside it (after it). */
    private static Stream<Layer> all(List<Layer> layers) {
        return layers.stream().flatMap(l -> l instanceof Layer.Residual r
                ? Stream.concat(Stream.of(l), all(Stream.concat(r.body().stream(), r.shortcut().stream()).toList()))
                : Stream.of(l));
    }

    /** The bytes of a layer's state-dict tensors: float32 parameters, and batchnorm's running statistics. */
    private static long weightBytes(Layer layer) {
        if (layer instanceof Layer.Residual) return 0; // its layers are counted one by one
        long bytes = layer.parameterCount() * FLOAT_BYTES;
        if (layer instanceof Layer.BatchNorm bn) bytes += 2L * bn.features() * FLOAT_BYTES + Long.BYTES;
        return bytes;
    }

    /** Megabytes of 10^6 bytes, as torchinfo prints them. */
    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        return widths;
    }

    /** Index and counts right-aligned, names and shapes left-aligned. */
    private static String row(String[] cells, int[] widths) {
        StringBuilder format = new StringBuilder("  %" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s");
        for (int i = 3; i < cells.length; i++) format.append("  %").append(widths[i]).append('s');
        return String.format(format.toString(), (Object[]) cells).stripTrailing();
    }
}
