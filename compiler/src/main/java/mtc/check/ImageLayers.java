package mtc.check;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import mtc.syntax.Call;

/** What the convolution and pooling rules share: the image check, pair arguments, and sliding a window. */
final class ImageLayers {
    private ImageLayers() {}

    /** Whether {@code in} is a known image {@code [c,h,w]}; reports why not. */
    static boolean isImage(LayerCheck c, Call call, Flow in) {
        if (!c.known(call, in)) return false;
        if (in.shape().rank() == 3) return true;
        c.report(ImageProblems.needsImage(call.name(), in));
        return false;
    }

    /** A pair argument whose numbers are all at least {@code least}; empty (and reported) if not. */
    static Optional<List<Num>> pair(LayerCheck c, BoundArguments args, String name, int least) {
        Optional<List<Num>> pair = args.pair(name);
        if (pair.isEmpty()) return pair;
        boolean valid = true;
        for (Num n : pair.get().stream().distinct().toList()) { // one number given stands twice: report it once
            if (n.intValue() >= least) continue;
            c.report(least == 1 ? Problems.notPositive(name, n)
                    : Problems.outOfRange(n, name, "at least " + least));
            valid = false;
        }
        return valid ? pair : Optional.empty();
    }

    static int first(List<Num> pair) { return pair.get(0).intValue(); }

    static int second(List<Num> pair) { return pair.get(1).intValue(); }

    /**
     * The layer that slides {@code window} over {@code in} and gives {@code channels} channels, made by
     * {@code make} from its output shape; or, when the window does not fit or the output is too
     * large, the reason, reported. {@code step} names the layer in the trail of sizes.
     */
    static Step slide(LayerCheck c, Call call, Flow in, Window window, int channels, String step,
                      Function<Shape, Layer> make) {
        long outH = window.outHeight(in.shape().dim(1));
        long outW = window.outWidth(in.shape().dim(2));
        if (outH < 1 || outW < 1) {
            c.report(ImageProblems.windowTooLarge(call.name(), window, in, step, outH, outW));
            return Step.failed(Flow.UNKNOWN);
        }
        if (product(channels, outH, outW) > Sizes.MAX_TENSOR) {
            c.report(ImageProblems.outputTooLarge(call.name().span(), call.name().text(), channels, outH, outW));
            return Step.failed(Flow.UNKNOWN);
        }
        Layer layer = make.apply(Shape.of(channels, (int) outH, (int) outW));
        return new Step(layer, Flow.from(layer).withTrail(in.sizes() + " -> " + step + " "
                + ImageSize.of(outH, outW)), null);
    }

    /** {@code a·b·c}, or {@code Long.MAX_VALUE} when that overflows. */
    static long product(long a, long b, long c) {
        try {
            return Math.multiplyExact(Math.multiplyExact(a, b), c);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
