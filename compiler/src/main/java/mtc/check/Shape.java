package mtc.check;

import java.util.List;
import java.util.stream.Collectors;

/** The shape of one sample (the batch dimension is implicit), e.g. {@code [784]} or {@code [1,28,28]}. */
public record Shape(List<Integer> dims) {
    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape of(int... dims) {
        return new Shape(java.util.Arrays.stream(dims).boxed().toList());
    }

    public int rank() { return dims.size(); }

    public int dim(int i) { return dims.get(i); }

    /** Number of elements of one sample. */
    public long size() {
        long n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
