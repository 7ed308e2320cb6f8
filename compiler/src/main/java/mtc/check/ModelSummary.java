package mtc.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code mtc summary}: a table of the layers with their output shapes and parameter
 * counts, then the totals. Lives beside the checked model because it only reads it.
 */
public final class ModelSummary {
    private static final String[] HEADINGS = {"#", "layer", "output", "parameters"};

    private ModelSummary() {}

    public static String render(CheckedModel model) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Layer layer : model.layers()) {
            rows.add(new String[] {layer.path(), layer.describe(), layer.out().toString(),
                    Sizes.thousands(layer.parameterCount())});
        }
        StringBuilder out = new StringBuilder();
        out.append("model ").append(model.name()).append(", input ").append(model.input()).append("\n\n");
        int[] widths = widths(rows);
        for (String[] row : rows) out.append(row(row, widths)).append('\n');
        out.append('\n');
        out.append("trainable parameters: ").append(Sizes.thousands(model.parameterCount())).append('\n');
        out.append("FLOPs per sample: ").append(Sizes.thousands(model.flopsPerSample())).append('\n');
        return out.toString();
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        return widths;
    }

    /** Index and parameter count right-aligned, names and shapes left-aligned. */
    private static String row(String[] cells, int[] widths) {
        String line = String.format("  %" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %"
                + widths[3] + "s", (Object[]) cells);
        return line.stripTrailing();
    }
}
