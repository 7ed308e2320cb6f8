package mtc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mtc check}: not yet written. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "(not yet written)")
final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mtc check: not yet implemented");
        return Main.INPUT_ERROR;
    }
}
