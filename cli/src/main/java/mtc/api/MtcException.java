package mtc.api;

/**
 * A model, weights file or input that mtc cannot use. The message is the text {@code mtc} prints
 * for the same mistake on the command line: for a {@code .mt} file with errors, every diagnostic
 * with its {@code FILE:LINE:COL}, source line and caret; otherwise one line starting {@code mtc: }.
 *
 * <p>Unchecked, like {@link IllegalArgumentException}: an application usually loads its model once
 * at start-up, where there is nothing to do about a broken file but to stop and show the message.
 */
public class MtcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the text to show, exactly as {@code mtc} prints it */
    public MtcException(String message) {
        super(message);
    }

    /**
     * @param message the text to show, exactly as {@code mtc} prints it
     * @param cause   the failure behind it
     */
    public MtcException(String message, Throwable cause) {
        super(message, cause);
    }
}
