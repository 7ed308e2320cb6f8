package mtc.runtime;

/**
 * The one source of randomness of a training run (initialisation, shuffling, dropout), so that
 * the same seed gives the same numbers. SplitMix64: small, fast, and its state is one long,
 * which makes it easy to save in a checkpoint.
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public long state() { return state; }

    public void setState(long state) { this.state = state; }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Fills {@code a[from, from + count)} with the numbers that many {@link #nextFloat} calls would
     * give, keeping the state in a register: several times faster for long runs (dropout masks).
     */
    public void fillFloats(float[] a, int from, int count) {
        long s = state;
        for (int i = from; i < from + count; i++) {
            s += 0x9E3779B97F4A7C15L;
            long z = (s ^ (s >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            a[i] = ((z ^ (z >>> 31)) >>> 40) * 0x1.0p-24f;
        }
        state = s;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [lo, hi). */
    public float uniform(float lo, float hi) {
        return lo + (hi - lo) * nextFloat();
    }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        long r = nextLong() >>> 33;
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (r >= limit) r = nextLong() >>> 33;
        return (int) (r % bound);
    }

    /** Fisher-Yates shuffle of {@code a}. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
