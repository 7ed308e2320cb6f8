package mtc.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The content of one IDX file of unsigned bytes: its dimensions and its values, row-major.
 *
 * @param file the file it came from, for messages
 */
public record IdxArray(String file, int[] dims, byte[] data) {
    /** The dimensions as messages show them, e.g. {@code 60000x28x28}. */
    public String describeDims() {
        return Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    }
}
