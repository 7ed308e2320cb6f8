package mtc.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import mtc.data.Dataset;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;

/**
 * The training loop: epochs of shuffled mini-batches (the last one partial), then an evaluation
 * on the test set after each epoch. All randomness (shuffling here, dropout in the network) is
 * drawn from the one {@link Rng} it is given, so the same seed gives the same run; and a run can
 * start from any {@link TrainPosition}, so a stopped run continues with the same numbers. The
 * learning rate of each epoch is the config's schedule's; the network's optimizer is the caller's
 * to set ({@link Network#useOptimizer}), as its state may come from a checkpoint.
 */
public final class Trainer {
    /**
     * Steps on one thread before the tuner first compares: the JIT still compiles then, on the
     * other core.
     */
    private static final int WARM_UP_STEPS = 150;

    private final Network net;
    private final Dataset train;
    private final Dataset test;
    private final TrainConfig config;
    private final Rng rng;
    private final TrainListener listener;
    private final TrainPosition start;
    private final BooleanSupplier stopRequested;

    /** A fresh run from epoch 1, which never stops early. */
    public Trainer(Network net, Dataset train, Dataset test, TrainConfig config, Rng rng, TrainListener listener) {
        this(net, train, test, config, rng, listener, TrainPosition.startOf(1, rng.state()), () -> false);
    }

    /**
     * A run that starts at {@code start} and, once {@code stopRequested} turns true, stops after
     * the batch in progress by throwing {@link TrainingStopped}.
     */
    public Trainer(Network net, Dataset train, Dataset test, TrainConfig config, Rng rng, TrainListener listener,
                   TrainPosition start, BooleanSupplier stopRequested) {
        this.net = net;
        this.train = train.limit(config.limit());
        this.test = test;
        this.config = config;
        this.rng = rng;
        this.listener = listener;
        this.start = start;
        this.stopRequested = stopRequested;
    }

    /**
     * Trains up to the configured epochs and returns the result of each epoch this run finished.
     * The kernels use between one and the configured number of threads, whichever the
     * {@link ThreadTuner} measures faster; the numbers are the same either way.
     */
    public List<EpochResult> run() throws DivergedException, TrainingStopped {
        List<EpochResult> results = new ArrayList<>();
        int[] order = new int[train.count()];
        Batches batches = new Batches(train, order, config.batch());
        TrainPosition at = start;
        ThreadTuner tuner = new ThreadTuner(net, WARM_UP_STEPS);
        try {
            for (int epoch = start.epoch(); epoch <= config.epochs(); epoch++) {
                listener.epochStarted(epoch, config.epochs(), train.count());
                EpochResult result = epoch(at, order, batches, tuner);
                results.add(result);
                listener.epochFinished(result, config.epochs());
                at = TrainPosition.startOf(epoch + 1, rng.state());
                if (epoch < config.epochs() && stopRequested.getAsBoolean()) throw new TrainingStopped(at);
            }
        } finally {
            tuner.restore();
        }
        return results;
    }

    private EpochResult epoch(TrainPosition at, int[] order, Batches batches, ThreadTuner tuner)
            throws DivergedException, TrainingStopped {
        shuffle(at, order);
        StepStats stats = at.stats();
        long start = System.nanoTime();
        try {
            steps(at, order.length, batches, tuner, stats);
        } finally {
            batches.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StepStats eval = Evaluator.evaluate(net, test);
        int trained = order.length - at.samplesDone();
        return new EpochResult(at.epoch(), stats.meanLoss(), stats.accuracy(), eval.meanLoss(), eval.accuracy(),
                seconds, trained / seconds);
    }

    /** The steps of epoch {@code at} over its {@code samples} samples, from where {@code at} is in it. */
    private void steps(TrainPosition at, int samples, Batches batches, ThreadTuner tuner, StepStats stats)
            throws DivergedException, TrainingStopped {
        int batch = at.samplesDone() / config.batch() + 1;
        float lr = config.lr(at.epoch());
        for (int from = at.samplesDone(); from < samples; from += config.batch(), batch++) {
            int n = Math.min(config.batch(), samples - from);
            long stepStart = System.nanoTime();
            batches.load(from, n, net.threads());
            double before = stats.lossSum;
            net.trainStep(batches.x(), batches.y(), n, lr, rng, stats);
            tuner.stepped(System.nanoTime() - stepStart);
            double loss = (stats.lossSum - before) / n;
            if (!Double.isFinite(loss)) throw new DivergedException(at.epoch(), batch, loss, lr);
            listener.batchFinished(from + n, stats);
            if (stopRequested.getAsBoolean()) throw new TrainingStopped(new TrainPosition(at.epoch(),
                    at.epochRng(), rng.state(), from + n, stats.lossSum, stats.correct, stats.samples));
        }
    }

    /** The epoch's sample order, replayed from its starting random state; then the random state at {@code at}. */
    private void shuffle(TrainPosition at, int[] order) {
        for (int i = 0; i < order.length; i++) order[i] = i;
        rng.setState(at.epochRng());
        if (config.shuffle()) rng.shuffle(order);
        if (at.midEpoch()) rng.setState(at.rng());
    }
}
