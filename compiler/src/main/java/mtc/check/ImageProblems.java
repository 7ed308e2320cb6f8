package mtc.check;

import mtc.diag.Diagnostic;
import mtc.diag.Span;
import mtc.syntax.Name;

/** The diagnostics of the image layers (convolution and pooling), with their wording, in one place. */
final class ImageProblems {
    private ImageProblems() {}

    static Diagnostic needsImage(Name layer, Flow flow) {
        String help = flow.shape().rank() == 1
                ? "keep images as [c,h,w]: declare e.g. 'input [1, 28, 28]', and flatten only before linear"
                : "an image is [channels, height, width]";
        return Diagnostic.error(layer.span(), layer.text() + " expects an image [c,h,w], but " + flow.describe(),
                help);
    }

    static Diagnostic channelMismatch(Num in, Flow flow, String rest) {
        int actual = flow.shape().dim(0);
        return Diagnostic.error(in.span(), "conv2d expects " + in.shown() + " input channels, but " + flow.describe(),
                "write conv2d(" + actual + ", " + rest + "), or conv2d(" + rest + ") to infer the input channels");
    }

    static Diagnostic sameNeedsStrideOne(Num stride) {
        return Diagnostic.error(stride.span(), "padding=same needs stride 1, found stride " + stride.shown(),
                "give the padding as a number, e.g. padding=1, or remove the stride");
    }

    /** The window does not fit: the message shows the sizes, the help the trail of sizes that led there. */
    static Diagnostic windowTooLarge(Name layer, Window window, Flow flow, String step, long outH, long outW) {
        long paddedH = flow.shape().dim(1) + (long) window.padHeight();
        long paddedW = flow.shape().dim(2) + (long) window.padWidth();
        String padded = window.padHeight() + window.padWidth() > 0
                ? ", " + ImageSize.of(paddedH, paddedW) + " with padding" : "";
        return Diagnostic.error(layer.span(), layer.text() + " needs a " + window.spanHeight() + "x"
                + window.spanWidth() + " window, but " + flow.describe() + padded,
                "sizes: " + flow.sizes() + " -> " + step + " " + ImageSize.of(outH, outW));
    }

    static Diagnostic poolPaddingTooLarge(Num padding, Window window, String layer) {
        return Diagnostic.error(padding.span(), "padding " + padding.shown() + " is more than half of the "
                + window.kh() + "x" + window.kw() + " window of " + layer,
                "use a padding of at most " + Math.min(window.kh(), window.kw()) / 2 + ", as PyTorch requires");
    }

    static Diagnostic weightsTooLarge(Name layer, long weights) {
        return Diagnostic.error(layer.span(), "conv2d has " + Sizes.thousands(weights) + " weights ("
                + Sizes.floats(weights) + "); one tensor holds at most " + Sizes.thousands(Sizes.MAX_TENSOR),
                "make the layer smaller");
    }

    static Diagnostic outputTooLarge(Span at, String layer, long c, long h, long w) {
        long values = c * h * w;
        return Diagnostic.error(at, layer + " would produce [" + c + "," + h + "," + w + "], "
                + Sizes.thousands(values) + " values per sample; one tensor holds at most "
                + Sizes.thousands(Sizes.MAX_TENSOR), "make the layer smaller, or pool or stride sooner");
    }
}
