package mtc.kernels;

/** The sizes of one pooling over NCHW batches, as {@link Pool2d}'s entry points take them. */
record PoolGeometry(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int oh, int ow) {

    PoolGeometry {
        if (n < 0 || c < 1 || h < 1 || w < 1 || kh < 1 || kw < 1 || sh < 1 || sw < 1 || ph < 0 || pw < 0
                || oh < 1 || ow < 1) {
            throw new IllegalArgumentException("Pool2d: impossible sizes " + this);
        }
    }

    /**
     * PyTorch's divisor with {@code count_include_pad}: the window clipped to the padded input
     * ({@code h + ph} rows, {@code w + pw} columns, PyTorch's padding being symmetric), padding included.
     */
    float divisor(int oy, int ox) {
        int y0 = oy * sh - ph;
        int x0 = ox * sw - pw;
        int rows = Math.min(y0 + kh, h + ph) - y0;
        int cols = Math.min(x0 + kw, w + pw) - x0;
        return rows * cols;
    }

    /** The first input row of window row {@code oy} (clipped to the input). */
    int rowFrom(int oy) {
        return Math.max(0, oy * sh - ph);
    }

    /** One past the last input row of window row {@code oy} (clipped to the input). */
    int rowTo(int oy) {
        return Math.min(h, oy * sh - ph + kh);
    }

    int colFrom(int ox) {
        return Math.max(0, ox * sw - pw);
    }

    int colTo(int ox) {
        return Math.min(w, ox * sw - pw + kw);
    }

    /** Fails unless {@code in} holds the input and {@code out} the output. */
    void check(String inName, float[] in, String outName, float[] out) {
        ConvGeometry.require("Pool2d: " + inName, in, (long) n * c * h * w);
        ConvGeometry.require("Pool2d: " + outName, out, (long) n * c * oh * ow);
    }
}
