package mtc.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mtc.runtime.NetworkSpec;
import mtc.runtime.TensorSpec;

/**
 * Compares the tensors a safetensors header declares with the state dict a model expects, and
 * lists every disagreement (not only the first), each naming the tensor with expected against
 * found, so that one run shows everything that is wrong with a file.
 */
final class StateDictCheck {
    /** The metadata key naming the model a file was saved for, as mtc train writes it ({@code Checkpoint}). */
    static final String MODEL_KEY = "mtc.model";
    /** Details shown below the first line when there are many: more would bury that line. */
    private static final int DETAILS = 3;

    private StateDictCheck() {}

    /**
     * The message for {@code problems} (from {@link #problems}): all of them when they are few and
     * the file was not saved for another model; else one line that says what the file holds,
     * naming the model it was saved for ({@code savedFor}, or null when unknown), and a few details.
     */
    static String explain(String file, String model, String savedFor, List<String> problems) {
        boolean otherModel = savedFor != null && !savedFor.equals(model);
        if (!otherModel && problems.size() <= DETAILS) return String.join("\n", problems);
        StringBuilder text = new StringBuilder(file + ": ");
        text.append(otherModel ? "these weights were saved for model " + savedFor + ", not for " + model
                : "these weights do not fit model " + model);
        text.append(" (").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        text.append(problems.size() > DETAILS ? ", the first " + DETAILS + " below)" : " below)");
        for (String problem : problems.subList(0, Math.min(DETAILS, problems.size()))) {
            text.append("\n  ").append(problem.substring(file.length() + 2));
        }
        if (problems.size() > DETAILS) text.append("\n  ...");
        return text.toString();
    }

    /** The problems found, one message line each; empty when the file fits the model. */
    static List<String> problems(String file, NetworkSpec spec, Map<String, HeaderEntry> entries, long dataBytes) {
        List<String> out = new ArrayList<>();
        for (TensorSpec t : spec.tensors()) {
            HeaderEntry e = entries.get(t.name());
            if (e == null) out.add(file + ": tensor '" + t.name() + "' is missing (expected " + describe(t) + ")");
            else checkEntry(file, t, e, dataBytes, out);
        }
        Set<String> known = spec.tensors().stream().map(TensorSpec::name).collect(Collectors.toSet());
        for (HeaderEntry e : entries.values()) {
            if (!known.contains(e.name())) {
                out.add(file + ": unexpected tensor '" + e.name() + "' (" + e.describe() + "): model "
                        + spec.name() + " has no such tensor");
            }
        }
        if (out.isEmpty()) checkLayout(file, entries, dataBytes, out);
        return out;
    }

    private static void checkEntry(String file, TensorSpec t, HeaderEntry e, long dataBytes, List<String> out) {
        String where = file + ": tensor '" + t.name() + "': ";
        if (!describe(t).equals(e.describe())) {
            out.add(where + "expected " + describe(t) + ", found " + e.describe());
        } else if (e.byteLength() != t.numel() * t.dtype().bytes()) {
            out.add(where + "data_offsets [" + e.begin() + "," + e.end() + "] span " + e.byteLength()
                    + " bytes, but " + describe(t) + " needs " + t.numel() * t.dtype().bytes());
        } else if (e.end() > dataBytes) {
            out.add(where + "data_offsets [" + e.begin() + "," + e.end() + "] reach past the end of the file"
                    + " (its data section holds " + dataBytes + " bytes): the file is truncated");
        }
    }

    /** The format requires the tensors to fill the data section exactly: no overlaps, gaps or trailing bytes. */
    private static void checkLayout(String file, Map<String, HeaderEntry> entries, long dataBytes, List<String> out) {
        List<HeaderEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingLong(HeaderEntry::begin).thenComparingLong(HeaderEntry::end));
        long covered = 0;
        String previous = null;
        for (HeaderEntry e : sorted) {
            if (e.begin() < covered) out.add(file + ": tensors '" + previous + "' and '" + e.name() + "' overlap");
            else if (e.begin() > covered) out.add(file + ": " + (e.begin() - covered) + " unused bytes before tensor '"
                    + e.name() + "'");
            covered = Math.max(covered, e.end());
            previous = e.name();
        }
        if (out.isEmpty() && covered < dataBytes) {
            out.add(file + ": " + (dataBytes - covered) + " bytes after the last tensor: corrupt, or not written"
                    + " by a safetensors writer");
        }
    }

    /** A tensor spec in the form messages use, e.g. {@code F32 [256,784]}. */
    static String describe(TensorSpec t) {
        return t.dtype() + " " + t.shape().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
