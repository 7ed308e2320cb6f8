package mtc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mtc predict}: not yet written. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "(not yet written)")
final class PredictCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mtc predict: not yet implemented");
        return Main.INPUT_ERROR;
    }
}
