package mtc.data;

/** Data that cannot be found, read or used; the message names the file and what is wrong with it. */
public final class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }
}
