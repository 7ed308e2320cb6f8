package mtc.train;

import java.math.BigDecimal;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;

/**
 * The settings of one training run, already validated by the command line.
 *
 * @param limit   train on the first {@code limit} samples only ({@code Integer.MAX_VALUE} for all)
 * @param shuffle   draw a new sample order every epoch (else keep the file order)
 * @param optimizer the optimizer's settings; its own {@code lr} is ignored, {@code lr} is the base rate
 * @param schedule  the learning rate of each epoch, from {@code lr}
 */
public record TrainConfig(int epochs, int batch, float lr, int limit, boolean shuffle, OptimizerSpec optimizer,
                          ScheduleSpec schedule) {
    public TrainConfig {
        if (epochs < 0 || batch < 1 || !(lr > 0) || limit < 1) {
            throw new IllegalArgumentException("invalid training settings: " + epochs + " epochs, batch " + batch
                    + ", lr " + lr + ", limit " + limit);
        }
        optimizer = optimizer.withLr(lr);
    }

    /** Plain SGD at a constant rate. */
    public TrainConfig(int epochs, int batch, float lr, int limit, boolean shuffle) {
        this(epochs, batch, lr, limit, shuffle, OptimizerSpec.sgd(lr), ScheduleSpec.CONSTANT);
    }

    /** The learning rate of epoch {@code epoch} (1-based): the schedule's, rounded to float as the kernels take it. */
    public float lr(int epoch) {
        return (float) schedule.lrs(lr, epochs)[epoch - 1];
    }

    /** The same run with {@code value} epochs. */
    public TrainConfig withEpochs(int value) {
        return new TrainConfig(value, batch, lr, limit, shuffle, optimizer, schedule);
    }

    /** A learning rate as people write it: {@code 0.1}, {@code 0.001}, {@code 5} (not {@code 1.0E-3}). */
    public static String decimal(float lr) {
        return new BigDecimal(Float.toString(lr)).stripTrailingZeros().toPlainString();
    }
}
