package mtc.driver;

import java.nio.file.Path;
import mtc.runtime.Network;

/**
 * Turns what the user names on the command line into a ready {@link Network}: a {@code .mt}
 * file (compiled in memory) or the output folder / class file of {@code mtc compile}.
 */
public final class ModelLoader {
    private ModelLoader() {}

    /** Thrown when the model cannot be loaded; {@link #getMessage()} is the full text to print. */
    public static final class LoadException extends Exception {
        public LoadException(String renderedMessage) {
            super(renderedMessage);
        }
    }

    /**
     * Loads the model at {@code path}. On failure the exception's message holds the rendered
     * diagnostics (or a one-line error) ready to print to stderr.
     */
    public static Network load(Path path) throws LoadException {
        throw new LoadException("mtc: " + path + ": loading models is not yet implemented");
    }
}
