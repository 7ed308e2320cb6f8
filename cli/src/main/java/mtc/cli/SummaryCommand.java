package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import mtc.check.ModelSummary;
import mtc.driver.FrontendResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtc summary}: the checked model as a table on stdout; diagnostics go to stderr. */
@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the layers of FILE.mt with output shapes, parameters and totals.",
            "The totals are the trainable parameters and the FLOPs of a forward pass of one sample",
            "(a multiply-add counts as 2).",
            "Exit status: 0 ok, 1 the file has an error (diagnostics on stderr), 2 bad usage."})
final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DiagnosticsOptions diagnostics;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .mt file")
    Path file;

    @Override
    public Integer call() {
        FrontendResult result = Sources.check(file, diagnostics.renderer(), spec.commandLine().getErr());
        if (result.model() == null) return Main.INPUT_ERROR;
        PrintWriter out = spec.commandLine().getOut();
        out.print(ModelSummary.render(result.model()));
        out.flush();
        return Main.OK;
    }
}
