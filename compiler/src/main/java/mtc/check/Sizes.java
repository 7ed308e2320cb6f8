package mtc.check;

import java.util.Locale;

/** Limits on tensor sizes and the formatting of large counts and byte sizes in messages. */
final class Sizes {
    /** The most elements a Java array, and so one tensor, can hold. */
    static final long MAX_TENSOR = Integer.MAX_VALUE - 8;

    private Sizes() {}

    /** {@code 204042} as {@code 204,042}. */
    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The size of {@code count} float32 values in decimal units with one decimal: {@code 40.0 GB}. */
    static String floats(long count) {
        return bytes(count * (double) Float.BYTES);
    }

    /** A byte count in decimal units with one decimal; a double, so that no product overflows. */
    static String bytes(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? (long) bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** The product of {@code dims}, or {@code Long.MAX_VALUE} when it does not fit in a long. */
    static long product(Iterable<Integer> dims) {
        long n = 1;
        for (int d : dims) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }
}
