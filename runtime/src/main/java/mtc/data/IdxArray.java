package mtc.data;

/**
 * The content of one IDX file of unsigned bytes: its dimensions and its values, row-major.
 *
 * @param file the file it came from, for messages
 */
public record IdxArray(String file, int[] dims, byte[] data) {}
