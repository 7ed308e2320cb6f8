package mtc.bench;

import java.util.Random;
import mtc.kernels.Gemm;

/**
 * One product to benchmark, parsed from a JMH parameter such as {@code nt:64x256x784}
 * ({@code form:MxNxK}), with operands allocated once. Forms: {@code nt}, {@code tn}, {@code nn}
 * (random Gaussian operands); {@code nns} and {@code tns} ({@link Gemm#nnSparse}, {@link Gemm#tnSparse}
 * with {@code A} a batch of MNIST images, see {@link Images}); {@code tnu} and {@code tnsu}, the
 * weight updates {@link Gemm#tnUpdate} and {@link Gemm#tnSparseUpdate}.
 */
record GemmCall(String form, int m, int n, int k, float[] a, float[] b, float[] c) {

    static GemmCall parse(String spec) {
        String[] formAndSizes = spec.split(":");
        String form = formAndSizes[0];
        String[] sizes = formAndSizes[1].split("x");
        int m = Integer.parseInt(sizes[0]), n = Integer.parseInt(sizes[1]), k = Integer.parseInt(sizes[2]);
        Random random = new Random(1);
        float[] a = switch (form) {
            case "nns" -> Images.batch(m, k);   // A[m,k]: m images of k pixels
            case "tns", "tnsu" -> Images.batch(k, m); // A[k,m]: k images of m pixels
            default -> randoms(random, m * k);
        };
        return new GemmCall(form, m, n, k, a, randoms(random, k * n), randoms(random, m * n));
    }

    void run() {
        switch (form) {
            case "nt" -> Gemm.nt(a, b, c, m, n, k);
            case "tn" -> Gemm.tn(a, b, c, m, n, k);
            case "nn" -> Gemm.nn(a, b, c, m, n, k);
            case "nns" -> Gemm.nnSparse(a, b, c, m, n, k);
            case "tns" -> Gemm.tnSparse(a, b, c, m, n, k);
            case "tnu" -> Gemm.tnUpdate(a, b, c, m, n, k, 1e-6f);
            case "tnsu" -> Gemm.tnSparseUpdate(a, b, c, m, n, k, 1e-6f);
            default -> throw new IllegalArgumentException("unknown form " + form);
        }
    }

    /**
     * Floating-point operations of one call as a dense product computes them, in units of 10⁹ (a
     * multiply-add counts as two): for the sparse forms, the work they stand for, not the part done.
     */
    double gigaflop() {
        return 2.0 * m * n * k / 1e9;
    }

    private static float[] randoms(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) random.nextGaussian();
        return x;
    }
}
