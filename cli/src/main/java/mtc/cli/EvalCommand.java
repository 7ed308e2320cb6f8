package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import mtc.data.ClassNames;
import mtc.data.DataSources;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.runtime.Network;
import mtc.runtime.StepStats;
import mtc.train.ClassTally;
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

    @Option(names = "--data", paramLabel = "DIR", description = DataOption.DESCRIPTION)
    String data;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: number of cores)")
    Integer threads;

    @Override
    public Integer call() {
        TrainOptionCheck.checkThreads(spec.commandLine(), threads);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataCommands.guard(err, () -> {
            ModelLoader.Loaded loaded = ModelLoader.open(model, System.err);
            Network net = loaded.network();
            if (threads != null) net.setThreads(threads);
            SafetensorsReader.load(weights, net);
            DataSources.Loaded sets = TrainData.load(data, loaded.data(), net.spec(), false, err).loaded();
            ClassNames names = EvalReport.names(weights, sets, err);
            ClassTally tally = new ClassTally(net.spec().classes());
            StepStats stats = Evaluator.evaluate(net, sets.test(), tally);
            out.println(String.format(Locale.ROOT, "test loss %.4f, accuracy %.2f%% (%d of %d correct)",
                    stats.meanLoss(), 100 * stats.accuracy(), stats.correct, stats.samples));
            out.print(EvalReport.perClass(tally, names));
            out.flush();
            return Main.OK;
        });
    }
}
