package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Per-channel sums of {@code [n, c, spatial]} data as bias gradients take them: each (sample,
 * channel) run summed in vector lanes over its whole vectors, in order, and in a float over its
 * tail, by whichever thread ran it ({@link #put}); then per channel the runs' lanes added in sample
 * order, those lanes in lane order, and the tails' sum last ({@link #total}). A fixed sequence of
 * float additions, whatever the thread count, so that a kernel that writes the data can sum it as
 * it goes ({@link BatchNormImages#inputGradient}) and give the numbers of a pass that reads it
 * afterwards ({@link Channels#biasGrad}).
 */
final class RunSums {
    /** The preferred shape, as batch norm ({@link BatchNormImages}) uses, whose vectors {@link #put} receives. */
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** The calling thread's sums, filled by all threads in one call. */
    private static final ThreadLocal<RunSums> OWN = ThreadLocal.withInitial(RunSums::new);

    private float[] lanes = new float[0];
    private float[] tails = new float[0];

    private RunSums() {}

    /** The calling thread's sums, with room for {@code runs} runs. */
    static RunSums of(int runs) {
        RunSums sums = OWN.get();
        if (sums.tails.length < runs) {
            sums.lanes = new float[runs * LANES];
            sums.tails = new float[runs];
        }
        return sums;
    }

    /** Run {@code run}'s sums: its whole vectors' lane sums and its tail's sum. */
    void put(int run, FloatVector whole, float tail) {
        whole.intoArray(lanes, run * LANES);
        tails[run] = tail;
    }

    /** Sums run {@code run}, {@code x[from, from + count)}. */
    void sum(float[] x, int from, int count, int run) {
        FloatVector whole = FloatVector.zero(SPECIES);
        int p = 0;
        for (; p + LANES <= count; p += LANES) whole = whole.add(FloatVector.fromArray(SPECIES, x, from + p));
        float tail = 0f;
        for (; p < count; p++) tail += x[from + p];
        put(run, whole, tail);
    }

    /** {@code into[ch]}: channel {@code ch}'s runs of samples {@code 0..n-1}, in that order. */
    void total(float[] into, int n, int c) {
        for (int ch = 0; ch < c; ch++) {
            FloatVector whole = FloatVector.zero(SPECIES);
            float tail = 0f;
            for (int s = 0; s < n; s++) {
                whole = whole.add(FloatVector.fromArray(SPECIES, lanes, (s * c + ch) * LANES));
                tail += tails[s * c + ch];
            }
            float sum = 0f;
            for (int l = 0; l < LANES; l++) sum += whole.lane(l);
            into[ch] = sum + tail;
        }
    }
}
