package mtc.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a training run keeps writing ({@code --metrics}, {@code --plot}), remembered in its
 * checkpoint so that {@code --resume} goes on writing them when the options are left out, as it
 * does with every other setting of the run. Kept as absolute paths: a run may be resumed from
 * another folder.
 */
record RunFiles(Path metrics, Path plot) {
    private static final String METRICS = "mtc.metrics_file";
    private static final String PLOT = "mtc.plot_file";

    /** The entries to add to the checkpoint's metadata (none for a file not written). */
    Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        if (metrics != null) m.put(METRICS, metrics.toAbsolutePath().toString());
        if (plot != null) m.put(PLOT, plot.toAbsolutePath().toString());
        return m;
    }

    /** The files of a checkpoint's metadata; null for each one the run did not write. */
    static RunFiles fromMetadata(Map<String, String> metadata) {
        return new RunFiles(path(metadata.get(METRICS)), path(metadata.get(PLOT)));
    }

    /** These files, each replaced by {@code given}'s when the command line names one. */
    RunFiles overriddenBy(RunFiles given) {
        return new RunFiles(given.metrics != null ? given.metrics : metrics, given.plot != null ? given.plot : plot);
    }

    private static Path path(String text) {
        return text == null || text.isEmpty() ? null : Path.of(text);
    }
}
