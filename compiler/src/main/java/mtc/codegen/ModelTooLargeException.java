package mtc.codegen;

/**
 * The model is valid but its class would exceed a class-file limit (65,535 constants or
 * methods); the message is ready to show to the user.
 */
public final class ModelTooLargeException extends RuntimeException {
    public ModelTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
