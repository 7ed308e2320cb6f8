package mtc.train;

import java.math.BigDecimal;

/**
 * The settings of one training run, already validated by the command line.
 *
 * @param limit   train on the first {@code limit} samples only ({@code Integer.MAX_VALUE} for all)
 * @param shuffle draw a new sample order every epoch (else keep the file order)
 */
public record TrainConfig(int epochs, int batch, float lr, int limit, boolean shuffle) {
    public TrainConfig {
        if (epochs < 0 || batch < 1 || !(lr > 0) || limit < 1) {
            throw new IllegalArgumentException("invalid training settings: " + epochs + " epochs, batch " + batch
                    + ", lr " + lr + ", limit " + limit);
        }
    }

    /** A learning rate as people write it: {@code 0.1}, {@code 0.001}, {@code 5} (not {@code 1.0E-3}). */
    public static String decimal(float lr) {
        return new BigDecimal(Float.toString(lr)).stripTrailingZeros().toPlainString();
    }
}
