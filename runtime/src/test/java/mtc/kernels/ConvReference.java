package mtc.kernels;

/**
 * The definition of a 2-d convolution, evaluated naively in double: forward, and the adjoints
 * with respect to the input and the weight, each with the sum of absolute terms (the scale of
 * its rounding error in float). Sizes as {@link Conv2d} takes them.
 */
record ConvReference(int n, int cin, int h, int w, int cout, int kh, int kw, int sh, int sw, int ph, int pw,
                     int dh, int dw, int oh, int ow) {

    /** A shape with explicit paddings on all four sides; the output size follows from them. */
    static ConvReference of(int n, int cin, int h, int w, int cout, int kh, int kw, int sh, int sw,
                            int top, int bottom, int left, int right, int dh, int dw) {
        int oh = Math.floorDiv(h + top + bottom - dh * (kh - 1) - 1, sh) + 1;
        int ow = Math.floorDiv(w + left + right - dw * (kw - 1) - 1, sw) + 1;
        return new ConvReference(n, cin, h, w, cout, kh, kw, sh, sw, top, left, dh, dw, oh, ow);
    }

    int inputSize() { return n * cin * h * w; }
    int outputSize() { return n * cout * oh * ow; }
    int weightSize() { return cout * cin * kh * kw; }

    /** Visits every term {@code weight[wi] · x[xi]} of output {@code yi}. */
    interface Term {
        void visit(int yi, int wi, int xi);
    }

    void eachTerm(Term term) {
        for (int s = 0; s < n; s++)
            for (int co = 0; co < cout; co++)
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++)
                        for (int ci = 0; ci < cin; ci++)
                            for (int ky = 0; ky < kh; ky++)
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * sh - ph + ky * dh;
                                    int ix = ox * sw - pw + kx * dw;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                    term.visit(((s * cout + co) * oh + oy) * ow + ox,
                                            ((co * cin + ci) * kh + ky) * kw + kx,
                                            ((s * cin + ci) * h + iy) * w + ix);
                                }
    }

    /** {value, |terms|} per output element. */
    double[][] forward(float[] x, float[] weight) {
        double[][] r = new double[2][outputSize()];
        eachTerm((yi, wi, xi) -> {
            r[0][yi] += (double) weight[wi] * x[xi];
            r[1][yi] += Math.abs((double) weight[wi] * x[xi]);
        });
        return r;
    }

    double[][] gradInput(float[] dy, float[] weight) {
        double[][] r = new double[2][inputSize()];
        eachTerm((yi, wi, xi) -> {
            r[0][xi] += (double) weight[wi] * dy[yi];
            r[1][xi] += Math.abs((double) weight[wi] * dy[yi]);
        });
        return r;
    }

    double[][] gradWeight(float[] dy, float[] x) {
        double[][] r = new double[2][weightSize()];
        eachTerm((yi, wi, xi) -> {
            r[0][wi] += (double) x[xi] * dy[yi];
            r[1][wi] += Math.abs((double) x[xi] * dy[yi]);
        });
        return r;
    }

    void forward(float[] x, float[] weight, float[] y) {
        Conv2d.forward(x, weight, y, n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
    }

    void gradInput(float[] dy, float[] weight, float[] dx) {
        Conv2d.gradInput(dy, weight, dx, n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
    }

    void gradWeight(float[] dy, float[] x, float[] dweight) {
        Conv2d.gradWeight(dy, x, dweight, n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
    }
}
