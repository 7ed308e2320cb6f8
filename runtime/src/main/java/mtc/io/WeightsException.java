package mtc.io;

/**
 * A weights file that cannot be read or does not fit the model. The message names the file and,
 * where one is at fault, the tensor with what was expected against what was found.
 */
public final class WeightsException extends Exception {
    private static final long serialVersionUID = 1L;

    public WeightsException(String message) {
        super(message);
    }
}
