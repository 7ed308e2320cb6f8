package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mtc.cli.plot.CurvesChart;
import mtc.cli.plot.MetricsFiles;
import mtc.cli.plot.MetricsRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtc plot}: the loss and accuracy curves of one or more {@code --metrics} files, as a PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw loss and accuracy curves of mtc train --metrics files into a PNG.",
            "Two panels (loss, accuracy) against the epoch; one colour per run, test solid,",
            "train dashed; the legend names each file.",
            "Exit status: 0 ok, 1 a file is not a metrics file (the message names the file",
            "and line), 2 bad usage."})
final class PlotCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "METRICS.csv", description = "files of mtc train --metrics")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "PNG", required = true, description = "the picture to write")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return DataCommands.guard(err, () -> {
            TrainOutputCheck.writable(output, "-o");
            List<MetricsRun> runs = new ArrayList<>();
            for (Path file : files) runs.add(MetricsFiles.read(file));
            CurvesChart.write(runs, output);
            return Main.OK;
        });
    }
}
