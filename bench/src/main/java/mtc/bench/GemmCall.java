package mtc.bench;

import java.util.Random;
import mtc.kernels.Gemm;

/**
 * One product to benchmark, parsed from a JMH parameter such as {@code nt:64x256x784}
 * ({@code form:MxNxK}), with random operands allocated once.
 */
record GemmCall(String form, int m, int n, int k, float[] a, float[] b, float[] c) {

    static GemmCall parse(String spec) {
        String[] formAndSizes = spec.split(":");
        String[] sizes = formAndSizes[1].split("x");
        int m = Integer.parseInt(sizes[0]), n = Integer.parseInt(sizes[1]), k = Integer.parseInt(sizes[2]);
        Random random = new Random(1);
        return new GemmCall(formAndSizes[0], m, n, k, randoms(random, m * k), randoms(random, k * n), new float[m * n]);
    }

    void run() {
        switch (form) {
            case "nt" -> Gemm.nt(a, b, c, m, n, k);
            case "tn" -> Gemm.tn(a, b, c, m, n, k);
            case "nn" -> Gemm.nn(a, b, c, m, n, k);
            default -> throw new IllegalArgumentException("unknown form " + form);
        }
    }

    /** Floating-point operations of one call, in units of 10⁹ (a multiply-add counts as two). */
    double gigaflop() {
        return 2.0 * m * n * k / 1e9;
    }

    private static float[] randoms(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) random.nextGaussian();
        return x;
    }
}
