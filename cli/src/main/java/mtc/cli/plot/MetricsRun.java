package mtc.cli.plot;

import java.util.List;
import mtc.train.EpochResult;

/**
 * The epochs of one training run, as {@code --metrics} writes them, under the name its curves
 * carry in the legend (the CSV file's name, or the model's for {@code mtc train --plot}).
 */
public record MetricsRun(String name, List<EpochResult> epochs) {
    public MetricsRun {
        epochs = List.copyOf(epochs);
    }
}
