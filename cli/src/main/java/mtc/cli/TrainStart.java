package mtc.cli;

import java.util.List;
import mtc.train.TrainConfig;
import mtc.train.TrainPosition;

/**
 * How a training run begins: its settings and seed, and where it starts, which is epoch 1 for a
 * new run and the checkpoint's position for {@code --resume}, with the metrics rows before it.
 */
record TrainStart(TrainConfig config, long seed, TrainPosition position, List<String> metricsRows) {
    TrainStart {
        metricsRows = List.copyOf(metricsRows);
    }

    boolean resumed() {
        return position.epoch() > 1 || position.midEpoch();
    }
}
