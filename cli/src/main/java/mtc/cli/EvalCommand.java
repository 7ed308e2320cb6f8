package mtc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mtc eval}: not yet written. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "(not yet written)")
final class EvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mtc eval: not yet implemented");
        return Main.INPUT_ERROR;
    }
}
