package mtc.check;

/**
 * A window sliding over the height and width of {@code [c,h,w]}: a convolution's kernel or a
 * pooling window. {@code padTop}/{@code padLeft} are the zeros before the first row and column,
 * {@code padHeight}/{@code padWidth} the zeros added in all along each axis (twice the first, except
 * for {@code padding=same} with an even window, which pads one more at the bottom and right, as
 * PyTorch does). Output size per axis: {@code floor((h + pad - dilation·(k-1) - 1) / stride) + 1}.
 */
public record Window(int kh, int kw, int sh, int sw, int padTop, int padLeft, int padHeight, int padWidth,
                     int dh, int dw) {
    /** The output height for an input of height {@code h}; below 1 when the window does not fit. */
    public long outHeight(long h) {
        return Math.floorDiv(h + padHeight - (long) dh * (kh - 1) - 1, (long) sh) + 1;
    }

    public long outWidth(long w) {
        return Math.floorDiv(w + padWidth - (long) dw * (kw - 1) - 1, (long) sw) + 1;
    }

    /** The rows and columns the window spans, dilation included. */
    long spanHeight() { return (long) dh * (kh - 1) + 1; }

    long spanWidth() { return (long) dw * (kw - 1) + 1; }

    /** {@code 5} or {@code [3, 5]}, as the argument would be written. */
    static String pair(int a, int b) {
        return a == b ? String.valueOf(a) : "[" + a + ", " + b + "]";
    }
}
