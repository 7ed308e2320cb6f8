package mtc.train;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The final line of a training run: how long it took and how good the model ended up. */
public final class TrainSummary {
    private TrainSummary() {}

    /** E.g. {@code trained 10 epochs in 61.2 s (9805 samples/s); test accuracy 98.03% (loss 0.0642), best ...}. */
    public static String describe(List<EpochResult> results) {
        if (results.isEmpty()) return "trained 0 epochs";
        double seconds = results.stream().mapToDouble(EpochResult::seconds).sum();
        double samples = results.stream().mapToDouble(r -> r.seconds() * r.samplesPerSecond()).sum();
        EpochResult last = results.get(results.size() - 1);
        EpochResult best = results.stream().max(Comparator.comparingDouble(EpochResult::testAcc)).orElseThrow();
        return String.format(Locale.ROOT, "trained %d epoch%s in %.1f s (%.0f samples/s); test accuracy %.2f%% "
                        + "(loss %s), best %.2f%% after epoch %d", results.size(), results.size() == 1 ? "" : "s",
                seconds, samples / seconds, 100 * last.testAcc(), EpochResult.loss(last.testLoss()),
                100 * best.testAcc(), best.epoch());
    }
}
