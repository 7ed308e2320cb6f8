package mtc.diag;

/**
 * Source text quoted in a message, {@code 'like this'}. Very long text (a megabyte-long name in a
 * hostile file) is shortened, so that a message stays one readable line.
 */
public final class Quoted {
    private static final int MAX_CHARS = 40;

    private Quoted() {}

    public static String of(String text) {
        if (text.length() <= MAX_CHARS) return "'" + text + "'";
        return "'" + text.substring(0, MAX_CHARS - 3) + "...'";
    }
}
