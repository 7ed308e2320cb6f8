package mtc.kernels;

/**
 * exp, tanh, the logistic function and the Gaussian integral for the activations: computed in
 * double, rounded once to float.
 *
 * <p>Why not {@code Math} or the Vector API: {@code Math.tanh} is fdlibm in Java, 35-45 ns an
 * element here; the Vector API's {@code TANH} and {@code EXP} call SVML once C2 has compiled the
 * loop (0.3-1 ns) but {@code Math} before, and the two differ in the last bit of about 0.5% of
 * floats, so a run's numbers would depend on when the JIT got there. These use {@code + - * /}
 * and nothing else (no FMA, whose software fallback is slow where the CPU lacks it), so they give
 * the same bits interpreted, compiled and on any CPU, at about 1 ns an element. Their relative
 * error in double is below 1e-11, so the float result is the correctly rounded one except in
 * rare near-ties, where it is the other neighbour: at most 1 ulp.
 */
final class Transcendentals {
    /** Added to a double of magnitude below 2^51, it leaves the nearest integer in the low bits. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long EXPONENT_OF_ROUNDED = 1023L - Double.doubleToRawLongBits(ROUNDER);
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts (Cody and Waite): {@code n * LN2_HI} is exact for |n| < 2^21. */
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** 1/k! for k = 0..11: Taylor's series on |r| <= ln2/2 has a remainder below 7e-15. */
    private static final double[] EXP_TAYLOR = new double[12];
    /** The largest |a| for which 2^round(a/ln 2) is a normal double. */
    static final double EXP_LIMIT = 708;
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /**
     * erfc(z) = t exp(-z²) g(t) for z >= 0, t = K / (K + z); g in powers of u = 2t - 1, fitted
     * by {@code tools/erfc_fit.py} (relative error 1.7e-12 for every z >= 0).
     */
    private static final double K = 3;
    private static final double[] ERFC_G = {
            0.3580023023628641, 0.2944648177156999, 0.1967427856876554,
            0.10348908767080828, 0.03984258746426095, 0.008942406240228504,
            -0.0004041426959527436, -0.0010113196991660687, -0.00018274999935923012,
            9.21401594249478e-05, 3.57953450102667e-05, -9.893045426812167e-06,
            -5.721787627027739e-06, 1.2968169994080045e-06, 8.172449163764993e-07,
            -1.33116924508257e-07, -7.636388790286516e-08,
    };

    static {
        double factorial = 1;
        for (int k = 0; k < EXP_TAYLOR.length; k++) {
            if (k > 0) factorial *= k;
            EXP_TAYLOR[k] = 1 / factorial;
        }
    }

    private Transcendentals() {}

    /** e^a for |a| <= {@link #EXP_LIMIT} (callers clamp); NaN gives NaN. */
    static double exp(double a) {
        double rounded = a * LOG2E + ROUNDER;
        double n = rounded - ROUNDER;
        double r = (a - n * LN2_HI) - n * LN2_LO;
        double p = horner(EXP_TAYLOR, r);
        return p * Double.longBitsToDouble((Double.doubleToRawLongBits(rounded) + EXPONENT_OF_ROUNDED) << 52);
    }

    /** tanh, as PyTorch's {@code torch.tanh} in float32 (Sleef, 1 ulp): within 1 ulp of it. */
    static float tanh(float x) {
        double a = Math.abs((double) x);
        double t;
        if (a < 0.02) {
            double a2 = a * a; // Taylor: the next term, 17a^7/315, is below 4e-12 of a
            t = a + a * a2 * (-1.0 / 3 + a2 * (2.0 / 15));
        } else {
            t = 1 - 2 / (exp(Math.min(a + a, 100)) + 1); // tanh(50) is 1 in double
        }
        return (float) Math.copySign(t, x);
    }

    /**
     * PyTorch's float32 formula {@code 1 / (1 + exp(-x))}, each step rounded to float as its
     * vectorised kernel does, with exp correctly rounded (Sleef's within 1 ulp). Below -88.72,
     * where exp(-x) overflows a float, it is 0, as in PyTorch.
     */
    static float sigmoid(float x) {
        float e = (float) exp(Math.max(-EXP_LIMIT, Math.min(EXP_LIMIT, -(double) x)));
        return 1f / (1f + e);
    }

    /** exp(-x²/2); 0 where that is below the doubles {@link #exp} covers (|x| > 37.6). */
    static double gaussian(double x) {
        double h = 0.5 * x * x;
        return h > EXP_LIMIT ? 0 : exp(-h);
    }

    /** Φ(x), the standard normal's distribution function, given {@code g = gaussian(x)}. */
    static double normalCdf(double x, double g) {
        double z = Math.min(Math.abs(x) * SQRT_HALF, 40); // finite for infinite x, where g is 0
        double t = K / (K + z);
        double halfErfc = 0.5 * t * horner(ERFC_G, 2 * t - 1) * g;
        return x >= 0 ? 1 - halfErfc : halfErfc;
    }

    /** GELU, {@code x Φ(x)} (PyTorch's {@code nn.GELU()}, exact): NaN at -inf, as there. */
    static float gelu(float x) {
        return (float) (x * normalCdf(x, gaussian(x)));
    }

    /** d GELU / dx = Φ(x) + x φ(x), in double (the caller multiplies by dy before rounding). */
    static double geluDerivative(double x) {
        double g = gaussian(x);
        return normalCdf(x, g) + x * INV_SQRT_2PI * g;
    }

    private static double horner(double[] c, double u) {
        double p = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) p = p * u + c[k];
        return p;
    }
}
