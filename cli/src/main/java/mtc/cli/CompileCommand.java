package mtc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mtc compile}: not yet written. */
@Command(name = "compile", mixinStandardHelpOptions = true, description = "(not yet written)")
final class CompileCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mtc compile: not yet implemented");
        return Main.INPUT_ERROR;
    }
}
