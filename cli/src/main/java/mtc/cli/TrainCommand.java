package mtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mtc.cli.plot.CurvesPlotter;
import mtc.cli.plot.MetricsFiles;
import mtc.data.DataException;
import mtc.data.Dataset;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.io.WeightsException;
import mtc.optim.OptimizerSpec;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.train.DivergedException;
import mtc.train.EpochResult;
import mtc.train.MetricsCsv;
import mtc.train.TrainConfig;
import mtc.train.TrainListener;
import mtc.train.TrainSummary;
import mtc.train.Trainer;
import mtc.train.TrainingStopped;
import mtc.train.TrainPosition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtc train}: trains a model on MNIST-format data, one line per epoch, optionally saving weights. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train MODEL (a .mt file, or what mtc compile wrote) on MNIST-format data.")
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final Session session;

    TrainCommand(Session session) {
        this.session = session;
    }

    @Parameters(index = "0", paramLabel = "MODEL", description = "a .mt file or the output of mtc compile")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = DataOption.DESCRIPTION)
    String data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "passes over the training data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64",
            description = "samples per SGD step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate (default: the file's, else 0.1)")
    Double lr;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, adam or adamw, as torch.optim's "
            + "(default: the file's, else sgd); another one than the file's takes PyTorch's defaults")
    String optimizer;

    @Option(names = "--momentum", paramLabel = "X", description = "SGD momentum (default: the file's, else 0)")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "X", description = "weight decay on every parameter "
            + "(default: the file's, else PyTorch's: 0, AdamW 0.01)")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "S", description = "learning rate per epoch: none, "
            + "step(every=N, gamma=X, warmup=N) or cosine(min_lr=X, warmup=N) (default: the file's, else none)")
    String schedule;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "seed of all randomness: init, shuffle, dropout (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads at most (default: number of "
            + "cores); training measures whether more than one makes it faster here, and results are the same either way")
    Integer threads;

    @Option(names = "--save", paramLabel = "W", description = "save weights and training state (safetensors) after "
            + "every epoch and on Ctrl-C, atomically (default with --resume: the file resumed from)")
    Path save;

    @Option(names = "--init", paramLabel = "W", description = "start from these weights (safetensors), not random ones")
    Path init;

    @Option(names = "--resume", paramLabel = "W", description = "continue the run saved in W by --save (weights, "
            + "epoch, random state, settings), exactly as if it had not stopped; options left out are the run's "
            + "(--metrics and --plot too), --epochs may raise its number of epochs")
    Path resume;

    @Option(names = "--limit", paramLabel = "N", description = "train on the first N training samples only")
    Integer limit;

    @Option(names = "--no-shuffle", description = "keep the file order instead of shuffling each epoch")
    boolean noShuffle;

    @Option(names = "--metrics", paramLabel = "FILE.csv", description = "write one CSV row of metrics per epoch")
    Path metrics;

    @Option(names = "--plot", paramLabel = "PNG", description = "draw the loss and accuracy curves after every epoch")
    Path plot;

    @Override
    public Integer call() {
        TrainOptionCheck.check(spec.commandLine(), epochs, batch, lr, threads, limit);
        if (resume != null && init != null) {
            throw new ParameterException(spec.commandLine(), "--resume and --init cannot be used together");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataCommands.guard(err, () -> train(out, err));
    }

    private int train(PrintWriter out, PrintWriter err)
            throws ModelLoader.LoadException, DataException, WeightsException, DivergedException, IOException {
        Path saveTo = saveTarget();
        RunFiles given = new RunFiles(metrics, plot);
        RunFiles files = resume == null ? given : RunFiles.fromMetadata(SafetensorsReader.metadata(resume))
                .overriddenBy(given);
        TrainOutputCheck.writable(saveTo, "--save");
        TrainOutputCheck.writable(files.metrics(), "--metrics");
        TrainOutputCheck.writable(files.plot(), "--plot");
        TrainClock clock = new TrainClock(session.startedAtNanos());
        ModelLoader.Loaded loaded = ModelLoader.open(model, System.err);
        Network net = loaded.network();
        if (threads != null) net.setThreads(threads);
        OptimizerOptions.Choice choice = resume != null ? null
                : optimizerOptions().resolve(spec.commandLine(), net.spec(), epochs);
        if (choice != null) net.useOptimizer(choice.optimizer()); // so that the warm-up compiles its kernels
        clock.modelLoaded();
        TrainData sets;
        StartupStatus status = new StartupStatus(err, session.terminal());
        try (TrainWarmUp warmUp = TrainWarmUp.start(net, batch)) {
            status.show("loading the data");
            sets = TrainData.load(data, loaded.data(), net.spec(), true, err);
            clock.dataRead();
        }
        clock.warmedUp();
        Rng rng = new Rng(seed);
        TrainStart start = begin(net, sets, rng, choice);
        Dataset train = sets.train().limit(start.config().limit());
        out.println(TrainBanner.describe(net.spec().name(), train, sets.test(), sets.dir(), start.config(),
                start.seed(), net.threads()));
        if (start.resumed()) out.println(TrainBanner.resuming(resume, start.position(), start.config(), files, given));
        out.flush();
        CheckpointSaver saver = saveTo == null ? null
                : new CheckpointSaver(saveTo, net, rng, start, train.count(), sets.loaded().metadata(), files);
        try (InterruptGuard guard = InterruptGuard.install()) {
            return trainUntilDoneOrStopped(net, sets, start, rng, saver, files, guard, clock, out, err);
        }
    }

    /** Trains; when Ctrl-C stops it, saves and says how to continue (before the guard lets the JVM exit). */
    private int trainUntilDoneOrStopped(Network net, TrainData sets, TrainStart start, Rng rng, CheckpointSaver saver,
                                        RunFiles files, InterruptGuard guard, TrainClock clock, PrintWriter out,
                                        PrintWriter err)
            throws DivergedException, IOException {
        Path saveTo = saveTarget();
        try {
            List<EpochResult> results = run(net, sets, start, rng, saver, files, guard, out, err);
            if (results.isEmpty() && saver != null) saver.save(start.position());
            results.forEach(r -> clock.trained(r.seconds()));
            out.println(TrainSummary.describe(results) + (saveTo == null ? "" : "; weights saved to " + saveTo)
                    + "; " + clock.describe());
            out.flush();
            return Main.OK;
        } catch (TrainingStopped stopped) {
            if (saver != null) saver.save(stopped.position());
            out.flush();
            err.println(InterruptMessage.describe(stopped.position(), start.config(), model, data, saveTo));
            err.flush();
            return InterruptGuard.EXIT_STATUS;
        }
    }

    /** Where checkpoints go: --save, else the file resumed from (so that a resumed run keeps checkpointing). */
    private Path saveTarget() {
        return save != null ? save : resume;
    }

    /**
     * Where training starts: the checkpoint's position with --resume, else epoch 1 with fresh or
     * given weights and the optimizer {@code choice}.
     */
    private TrainStart begin(Network net, TrainData sets, Rng rng, OptimizerOptions.Choice choice)
            throws WeightsException {
        if (resume != null) {
            TrainStart start = ResumeCheck.resume(resume, net, given(), sets.train().count(),
                    optimizerOptions().given());
            rng.setState(start.position().rng());
            return start;
        }
        if (init != null) SafetensorsReader.load(init, net);
        else net.initialize(rng);
        TrainConfig config = new TrainConfig(epochs, batch, learningRate(net, choice), limit == null
                ? Integer.MAX_VALUE : limit, !noShuffle, choice.optimizer(), choice.schedule());
        net.useOptimizer(config.optimizer());
        return new TrainStart(config, seed, TrainPosition.startOf(1, rng.state()), List.of());
    }

    /** The settings given on the command line, as opposed to defaults, which --resume takes from the checkpoint. */
    private ResumeCheck.Given given() {
        ParseResult parsed = spec.commandLine().getParseResult();
        return new ResumeCheck.Given(parsed.hasMatchedOption("--epochs") ? epochs : null,
                parsed.hasMatchedOption("--batch") ? batch : null, lr == null ? null : lr.floatValue(),
                parsed.hasMatchedOption("--seed") ? seed : null, limit, noShuffle);
    }

    private List<EpochResult> run(Network net, TrainData sets, TrainStart start, Rng rng, CheckpointSaver saver,
                                  RunFiles files, InterruptGuard guard, PrintWriter out, PrintWriter err)
            throws DivergedException, TrainingStopped, IOException {
        List<TrainListener> listeners = new ArrayList<>(List.of(ProgressDisplay.of(session, err),
                new TrainEpochPrinter(out, err, net.spec().classes(), start.config().lr())));
        MetricsCsv csv = files.metrics() == null ? null : new MetricsCsv(files.metrics(), start.metricsRows());
        if (csv != null) listeners.add(csv);
        if (saver != null) listeners.add(saver);
        if (files.plot() != null) {
            listeners.add(new CurvesPlotter(files.plot(), model.getFileName().toString(),
                    MetricsFiles.parse(resume + " (its metrics)", 1, start.metricsRows())));
        }
        try {
            return new Trainer(net, sets.train(), sets.test(), start.config(), rng, TrainListener.all(listeners),
                    start.position(), () -> guard.requested() || session.stopRequested().getAsBoolean()).run();
        } finally {
            if (csv != null) csv.close();
        }
    }

    private OptimizerOptions optimizerOptions() {
        return new OptimizerOptions(optimizer, momentum, weightDecay, schedule);
    }

    /** --lr, else the file's when it names the optimizer in use, else that optimizer's default. */
    private float learningRate(Network net, OptimizerOptions.Choice choice) {
        if (lr != null) return lr.floatValue();
        OptimizerSpec file = net.spec().optimizer();
        double fromFile = file == null || file.kind() == choice.optimizer().kind() ? net.spec().defaultLr() : Double.NaN;
        return Double.isNaN(fromFile) ? OptimizerOptions.defaultLr(choice.optimizer()) : (float) fromFile;
    }
}
