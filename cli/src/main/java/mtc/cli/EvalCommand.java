package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import mtc.data.Dataset;
import mtc.data.ModelFit;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.runtime.Network;
import mtc.runtime.StepStats;
import mtc.runtime.Threads;
import mtc.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtc eval}: the test-set loss and accuracy of a model with saved weights. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Test loss and accuracy of MODEL with the given weights.")
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a .mt file or the output of mtc compile")
    Path model;

    @Option(names = "--weights", paramLabel = "W", required = true, description = "the weights to test")
    Path weights;

    @Option(names = "--data", paramLabel = "DIR", description = "folder with the MNIST IDX files, raw or .gz "
            + "(default: $MTC_DATA, else the per-user cache, filled on first use)")
    Path data;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: number of cores)")
    Integer threads;

    @Override
    public Integer call() {
        TrainOptionCheck.checkThreads(spec.commandLine(), threads);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataCommands.guard(err, () -> {
            if (threads != null) Threads.set(threads);
            Network net = ModelLoader.load(model);
            SafetensorsReader.load(weights, net);
            Dataset test = EvalData.test(DataCommands.dataFolder(data, err));
            ModelFit.check(test, net.spec());
            StepStats stats = Evaluator.evaluate(net, test);
            out.println(String.format(Locale.ROOT, "test loss %.4f, accuracy %.2f%% (%d of %d correct)",
                    stats.meanLoss(), 100 * stats.accuracy(), stats.correct, stats.samples));
            out.flush();
            return Main.OK;
        });
    }
}
