package mtc.kernels;

/**
 * The rectangle of output rows and columns (in the {@link GemmProblem}'s terms) that one thread
 * computes; {@code colFrom} is a multiple of the vector length.
 */
record GemmRegion(int rowFrom, int rowTo, int colFrom, int colTo) {

    /** The whole output. */
    static GemmRegion all(GemmProblem p) {
        return new GemmRegion(0, p.rows(), 0, p.cols());
    }

    /**
     * Part {@code part} of {@code parts}: columns are split when each thread gets at least one
     * 4-vector strip (each core then streams only its own columns of {@code v}), rows otherwise,
     * and always for an update: a row of a weight split between two cores would have a cache line
     * on both sides of the cut (arrays are not 64-byte aligned), which they would pass back and forth
     * on every tile (measured: an update split by columns took twice as long on each core).
     * Split points fall on whole tiles so no thread is left with only slow leftover kernels.
     */
    static GemmRegion part(GemmProblem p, int part, int parts) {
        int vectors = p.vectorCols();
        if (vectors >= 4 * parts && !p.updates()) {
            int lanes = GemmKernels.LANES;
            int from = split(vectors, part, parts, 4) * lanes;
            int to = Math.min(p.cols(), split(vectors, part + 1, parts, 4) * lanes);
            return new GemmRegion(0, p.rows(), from, to);
        }
        return new GemmRegion(split(p.rows(), part, parts, 6), split(p.rows(), part + 1, parts, 6), 0, p.cols());
    }

    /** The start of part {@code part} when {@code total} is cut into {@code parts} multiples of {@code unit}. */
    private static int split(int total, int part, int parts, int unit) {
        if (part >= parts) return total;
        long units = Math.round((double) total * part / parts / unit);
        return (int) Math.min(total, units * unit);
    }
}
