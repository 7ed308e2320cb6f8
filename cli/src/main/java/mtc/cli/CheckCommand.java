package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mtc.diag.DiagnosticRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtc check}: parses and shape-checks each file. Like a compiler, it is silent on success:
 * diagnostics go to stderr, nothing to stdout, and the exit status says whether any file has an error.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Parse and shape-check one or more .mt files; nothing is written.",
            "Diagnostics (errors and warnings) go to stderr; a clean file prints nothing.",
            "Exit status: 0 no errors (warnings allowed), 1 a file has an error, 2 bad usage."})
final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DiagnosticsOptions diagnostics;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .mt files to check")
    List<Path> files;

    @Override
    public Integer call() {
        return check(files, diagnostics.renderer(), spec.commandLine().getErr());
    }

    /** Checks every file, printing its diagnostics to {@code err}; the exit status. */
    static int check(List<Path> files, DiagnosticRenderer renderer, PrintWriter err) {
        boolean failed = false;
        for (Path file : files) failed |= Sources.check(file, renderer, err).hasErrors();
        return failed ? Main.INPUT_ERROR : Main.OK;
    }
}
