package mtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mtc.data.DataException;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.io.SafetensorsWriter;
import mtc.io.WeightsException;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.Threads;
import mtc.train.DivergedException;
import mtc.train.EpochResult;
import mtc.train.MetricsCsv;
import mtc.train.TrainConfig;
import mtc.train.TrainListener;
import mtc.train.TrainSummary;
import mtc.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtc train}: trains a model on MNIST-format data, one line per epoch, optionally saving weights. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train MODEL (a .mt file, or what mtc compile wrote) on MNIST-format data.")
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a .mt file or the output of mtc compile")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "folder with the four MNIST IDX files, raw or .gz "
            + "(default: $MTC_DATA, else the per-user cache, filled on first use)")
    Path data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "passes over the training data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64",
            description = "samples per SGD step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate (default: the file's, else 0.1)")
    Double lr;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "seed of all randomness: init, shuffle, dropout (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: number of cores)")
    Integer threads;

    @Option(names = "--save", paramLabel = "W", description = "save the weights (safetensors) after training")
    Path save;

    @Option(names = "--init", paramLabel = "W", description = "start from these weights (safetensors), not random ones")
    Path init;

    @Option(names = "--limit", paramLabel = "N", description = "train on the first N training samples only")
    Integer limit;

    @Option(names = "--no-shuffle", description = "keep the file order instead of shuffling each epoch")
    boolean noShuffle;

    @Option(names = "--metrics", paramLabel = "FILE.csv", description = "write one CSV row of metrics per epoch")
    Path metrics;

    @Override
    public Integer call() {
        TrainOptionCheck.check(spec.commandLine(), epochs, batch, lr, threads, limit);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataCommands.guard(err, () -> train(out, err));
    }

    private int train(PrintWriter out, PrintWriter err)
            throws ModelLoader.LoadException, DataException, WeightsException, DivergedException, IOException {
        if (threads != null) Threads.set(threads);
        TrainOutputCheck.writable(save, "--save");
        TrainOutputCheck.writable(metrics, "--metrics");
        Network net = ModelLoader.load(model);
        TrainData sets = TrainData.load(data, net.spec(), err);
        Rng rng = new Rng(seed);
        if (init != null) SafetensorsReader.load(init, net);
        else net.initialize(rng);
        TrainConfig config = new TrainConfig(epochs, batch, learningRate(net), limit == null ? Integer.MAX_VALUE
                : limit, !noShuffle);
        out.println(TrainBanner.describe(net.spec().name(), sets.train().limit(config.limit()), sets.test(),
                sets.dir(), config, seed));
        out.flush();
        List<EpochResult> results = run(net, sets, config, rng, out, err);
        if (save != null) SafetensorsWriter.save(save, net);
        out.println(TrainSummary.describe(results) + (save == null ? "" : "; weights saved to " + save));
        out.flush();
        return Main.OK;
    }

    private List<EpochResult> run(Network net, TrainData sets, TrainConfig config, Rng rng, PrintWriter out,
                                  PrintWriter err) throws DivergedException, IOException {
        List<TrainListener> listeners = new ArrayList<>(List.of(ProgressDisplay.forThisTerminal(err),
                new TrainEpochPrinter(out)));
        MetricsCsv csv = metrics == null ? null : new MetricsCsv(metrics);
        if (csv != null) listeners.add(csv);
        try {
            return new Trainer(net, sets.train(), sets.test(), config, rng, TrainListener.all(listeners)).run();
        } finally {
            if (csv != null) csv.close();
        }
    }

    private float learningRate(Network net) {
        if (lr != null) return lr.floatValue();
        double fromFile = net.spec().defaultLr();
        return Double.isNaN(fromFile) ? 0.1f : (float) fromFile;
    }
}
