package mtc.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One tensor as a safetensors header describes it, before it is checked against a model.
 *
 * @param begin offset of its first byte in the data section
 * @param end   offset just past its last byte
 */
record HeaderEntry(String name, String dtype, List<Long> shape, long begin, long end) {
    HeaderEntry {
        shape = List.copyOf(shape);
    }

    long byteLength() { return end - begin; }

    /** The form messages use, e.g. {@code F32 [256,784]}. */
    String describe() {
        return dtype + " " + shape.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
