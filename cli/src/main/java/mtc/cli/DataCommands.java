package mtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import mtc.data.DataException;
import mtc.driver.ModelLoader;
import mtc.io.WeightsException;
import mtc.train.DivergedException;

/**
 * What {@code train}, {@code eval} and {@code predict} share: turning every expected failure (a
 * model, data, weights or file problem) into one message on
 * stderr and exit status 1, never a stack trace.
 */
final class DataCommands {
    private DataCommands() {}

    /** The body of a command, which may fail in the expected ways. */
    @FunctionalInterface
    interface Body {
        int run() throws ModelLoader.LoadException, DataException, WeightsException, DivergedException, IOException;
    }

    /** Runs {@code body}, printing an expected failure to {@code err} and returning {@link Main#INPUT_ERROR}. */
    static int guard(PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (ModelLoader.LoadException e) {
            err.println(e.getMessage().stripTrailing());
        } catch (DataException | WeightsException | DivergedException | UncheckedIOException e) {
            err.println("mtc: " + e.getMessage());
        } catch (IOException e) {
            err.println("mtc: " + TrainOutputCheck.describe(e));
        }
        err.flush();
        return Main.INPUT_ERROR;
    }
}
