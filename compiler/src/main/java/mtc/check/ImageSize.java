package mtc.check;

/** How the size trail of diagnostics writes an image's height and width: {@code 28}, or {@code 28x20}. */
final class ImageSize {
    private ImageSize() {}

    static String of(Shape image) {
        return of(image.dim(1), image.dim(2));
    }

    static String of(long h, long w) {
        return h == w ? String.valueOf(h) : h + "x" + w;
    }
}
