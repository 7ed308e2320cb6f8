package mtc.cli.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mtc.train.EpochResult;
import mtc.train.TrainListener;

/**
 * {@code mtc train --plot}: redraws the curves after every epoch, atomically, so that the picture
 * can be watched while the run goes and always shows every finished epoch (a resumed run's too).
 */
public final class CurvesPlotter implements TrainListener {
    private final Path file;
    private final String name;
    private final List<EpochResult> epochs;

    /** Plots to {@code file} under {@code name}, after the {@code earlier} epochs of a resumed run. */
    public CurvesPlotter(Path file, String name, List<EpochResult> earlier) {
        this.file = file;
        this.name = name;
        this.epochs = new ArrayList<>(earlier);
    }

    @Override
    public void epochFinished(EpochResult result, int epochCount) {
        epochs.add(result);
        try {
            CurvesChart.write(List.of(new MetricsRun(name, epochs)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the plot: " + e.getMessage(), e);
        }
    }
}
