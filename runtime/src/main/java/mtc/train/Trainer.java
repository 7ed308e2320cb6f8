package mtc.train;

import java.util.ArrayList;
import java.util.List;
import mtc.data.Dataset;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;

/**
 * The training loop: epochs of shuffled mini-batches (the last one partial), then an evaluation
 * on the test set after each epoch. All randomness (shuffling here, dropout in the network) is
 * drawn from the one {@link Rng} it is given, so the same seed gives the same run.
 */
public final class Trainer {
    private final Network net;
    private final Dataset train;
    private final Dataset test;
    private final TrainConfig config;
    private final Rng rng;
    private final TrainListener listener;

    public Trainer(Network net, Dataset train, Dataset test, TrainConfig config, Rng rng, TrainListener listener) {
        this.net = net;
        this.train = train.limit(config.limit());
        this.test = test;
        this.config = config;
        this.rng = rng;
        this.listener = listener;
    }

    /** Trains for the configured epochs and returns each epoch's result. */
    public List<EpochResult> run() throws DivergedException {
        List<EpochResult> results = new ArrayList<>();
        float[] x = new float[config.batch() * train.sampleSize()];
        int[] y = new int[config.batch()];
        int[] order = new int[train.count()];
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            listener.epochStarted(epoch, config.epochs(), train.count());
            EpochResult result = epoch(epoch, order, x, y);
            results.add(result);
            listener.epochFinished(result, config.epochs());
        }
        return results;
    }

    private EpochResult epoch(int epoch, int[] order, float[] x, int[] y) throws DivergedException {
        for (int i = 0; i < order.length; i++) order[i] = i;
        if (config.shuffle()) rng.shuffle(order);
        StepStats stats = new StepStats();
        long start = System.nanoTime();
        for (int from = 0, batch = 1; from < order.length; from += config.batch(), batch++) {
            int n = Math.min(config.batch(), order.length - from);
            train.copyBatch(order, from, n, x, y);
            double before = stats.lossSum;
            net.trainStep(x, y, n, config.lr(), rng, stats);
            double loss = (stats.lossSum - before) / n;
            if (!Double.isFinite(loss)) throw new DivergedException(epoch, batch, loss, config.lr());
            listener.batchFinished(from + n, stats);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StepStats eval = Evaluator.evaluate(net, test);
        return new EpochResult(epoch, stats.meanLoss(), stats.accuracy(), eval.meanLoss(), eval.accuracy(),
                seconds, order.length / seconds);
    }
}
