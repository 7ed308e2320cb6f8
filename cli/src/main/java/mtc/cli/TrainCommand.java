package mtc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mtc train}: not yet written. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "(not yet written)")
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mtc train: not yet implemented");
        return Main.INPUT_ERROR;
    }
}
