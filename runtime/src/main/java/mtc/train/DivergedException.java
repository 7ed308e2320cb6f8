package mtc.train;

import java.util.Locale;

/**
 * Training stopped because the loss of a batch became NaN or infinite: the weights are now
 * meaningless, so continuing (or saving them) would only hide the problem.
 */
public final class DivergedException extends Exception {
    private static final long serialVersionUID = 1L;

    public DivergedException(int epoch, int batch, double loss, float lr) {
        super(String.format(Locale.ROOT, "training diverged: the loss of epoch %d, batch %d is %s; "
                + "try a smaller learning rate than --lr %s (e.g. --lr %s)", epoch, batch, loss,
                TrainConfig.decimal(lr), TrainConfig.decimal(lr / 10)));
    }
}
