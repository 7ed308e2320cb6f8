package mtc.parity;

/**
 * How far mtc's numbers lie from PyTorch's, measured against the size of the reference tensor,
 * with a message that says where the worst element is, so a failure points at the culprit.
 */
record Closeness(String name, double maxDiff, int worstIndex, float actual, float expected, double scale) {
    /** The largest |actual - expected| and max |expected| over all elements. */
    static Closeness of(String name, float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError(name + ": " + actual.length + " elements, expected " + expected.length);
        }
        double maxDiff = -1, scale = 0;
        int worst = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs((double) actual[i] - expected[i]);
            if (d > maxDiff || Double.isNaN(d) && !Double.isNaN(maxDiff)) {
                maxDiff = d;
                worst = i;
            }
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return new Closeness(name, maxDiff, worst, actual[worst], expected[worst], scale);
    }

    /** The worst difference as a fraction of the tensor's largest magnitude. */
    double relative() { return scale == 0 ? maxDiff : maxDiff / scale; }

    String describe() {
        return String.format("%s: max |mtc - torch| = %.3g (%.3g of max |torch| = %.3g) at element %d: "
                + "mtc %.9g, torch %.9g", name, maxDiff, relative(), scale, worstIndex, actual, expected);
    }
}
