package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import mtc.data.ClassNames;
import mtc.data.DataSources;
import mtc.io.SafetensorsReader;
import mtc.io.WeightsException;
import mtc.train.ClassTally;

/** The part of {@code mtc eval}'s report that names the classes: accuracy per class. */
final class EvalReport {
    /** More names than this are cut short in a warning. */
    private static final int NAMES_SHOWN = 4;

    private EvalReport() {}

    /**
     * The class names to report with: the weights' (what the model learnt), else the data's. When
     * both have names and they differ, the data is probably not what the model was trained on: a warning says so.
     */
    static ClassNames names(Path weights, DataSources.Loaded data, PrintWriter err) throws WeightsException {
        ClassNames trained = ClassNames.fromMetadata(SafetensorsReader.metadata(weights)).orElse(null);
        if (trained == null) return data.classes();
        if (!trained.equals(data.classes())) {
            err.println("mtc: warning: " + weights + " was trained on classes " + shortList(trained.names())
                    + ", but the data in " + data.dir() + " has classes " + shortList(data.classes().names()));
            err.flush();
        }
        return trained;
    }

    /** One line per class: {@code   sneaker       95.10% (951 of 1000)}; classes without test samples are left out. */
    static String perClass(ClassTally tally, ClassNames names) {
        int width = 0;
        for (int c = 0; c < tally.classes(); c++) width = Math.max(width, names.name(c).length());
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < tally.classes(); c++) {
            if (tally.samples(c) == 0) continue;
            out.append(String.format(Locale.ROOT, "  %-" + width + "s %6.2f%% (%d of %d)%n", names.name(c),
                    100.0 * tally.correct(c) / tally.samples(c), tally.correct(c), tally.samples(c)));
        }
        return out.toString();
    }

    private static String shortList(List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMES_SHOWN, names.size()));
        return "(" + String.join(", ", shown) + (names.size() > NAMES_SHOWN ? ", ..." : "") + ")";
    }
}
