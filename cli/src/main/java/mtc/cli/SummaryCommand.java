package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mtc.check.ModelSummary;
import mtc.driver.FrontendResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtc summary}: each checked model as a table on stdout; diagnostics go to stderr. */
@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the layers of each FILE.mt with output shapes, parameters and totals.",
            "The totals are the trainable parameters and the FLOPs of a forward pass of one",
            "sample (a multiply-add counts as 2). --batch adds each layer's FLOPs at that",
            "batch and the memory of a training step: input, forward/backward pass (outputs",
            "and their gradients) and weights, as torchinfo counts them.",
            "Exit status: 0 ok, 1 a file has an error (diagnostics on stderr), 2 bad usage."})
final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DiagnosticsOptions diagnostics;

    @Option(names = "--batch", paramLabel = "B", description = "also show FLOPs and memory at batch size B")
    Integer batch;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .mt files")
    List<Path> files;

    @Override
    public Integer call() {
        TrainOptionCheck.require(spec.commandLine(), batch == null || batch >= 1,
                "--batch must be at least 1, got " + batch);
        PrintWriter out = spec.commandLine().getOut();
        boolean failed = false;
        for (int i = 0; i < files.size(); i++) {
            FrontendResult result = Sources.check(files.get(i), diagnostics.renderer(), spec.commandLine().getErr());
            failed |= result.model() == null;
            if (result.model() == null) continue;
            if (i > 0) out.println();
            out.print(ModelSummary.render(result.model(), batch == null ? 0 : batch));
            out.flush();
        }
        return failed ? Main.INPUT_ERROR : Main.OK;
    }
}
