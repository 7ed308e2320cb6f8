package mtc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mtc summary}: not yet written. */
@Command(name = "summary", mixinStandardHelpOptions = true, description = "(not yet written)")
final class SummaryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mtc summary: not yet implemented");
        return Main.INPUT_ERROR;
    }
}
