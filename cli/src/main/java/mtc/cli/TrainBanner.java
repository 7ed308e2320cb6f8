package mtc.cli;

import java.nio.file.Path;
import java.util.Locale;
import mtc.data.Dataset;
import mtc.train.TrainConfig;
import mtc.train.TrainPosition;

/** The first line of {@code mtc train}: what is trained on what, with which settings. */
final class TrainBanner {
    private TrainBanner() {}

    static String describe(String model, Dataset train, Dataset test, Path dir, TrainConfig c, long seed,
                           int threads) {
        return String.format(Locale.ROOT, "training %s on %d samples (test %d) from %s: %d epoch%s, batch %d, "
                        + "lr %s, seed %d, %s, %d thread%s", model, train.count(), test.count(), dir, c.epochs(),
                c.epochs() == 1 ? "" : "s", c.batch(), TrainConfig.decimal(c.lr()), seed,
                c.shuffle() ? "shuffled" : "file order", threads, threads == 1 ? "" : "s");
    }

    /**
     * The second line of a resumed run, e.g. {@code resuming w.safetensors at epoch 3/10 (1200 samples
     * done); metrics go on in m.csv}: it names the files the run goes on writing without being told.
     */
    static String resuming(Path file, TrainPosition at, TrainConfig c, RunFiles files, RunFiles given) {
        return "resuming " + file + " at epoch " + at.epoch() + "/" + c.epochs()
                + (at.midEpoch() ? " (" + at.samplesDone() + " samples done)" : "")
                + (given.metrics() == null && files.metrics() != null ? "; metrics go on in " + files.metrics() : "")
                + (given.plot() == null && files.plot() != null ? "; the plot goes on in " + files.plot() : "");
    }
}
