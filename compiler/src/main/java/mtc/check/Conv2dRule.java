package mtc.check;

import static mtc.check.Signature.integer;
import static mtc.check.Signature.pair;
import static mtc.check.Signature.word;

import java.util.List;
import java.util.Optional;
import mtc.syntax.Call;

/**
 * {@code conv2d(in, out, k, stride=1, padding=0, dilation=1, bias=true)}, or {@code conv2d(out, k, ...)}
 * inferring {@code in}: PyTorch's {@code nn.Conv2d} on {@code [in,h,w]}; {@code padding=same} keeps
 * the size (stride 1 only).
 */
final class Conv2dRule implements LayerRule {
    private static final String HELP = "write conv2d(16, 3) for 16 channels of 3x3, or conv2d(1, 16, 3)";
    private static final List<Signature.Parameter> OPTIONS = List.of(
            pair("stride", false, "the stride"),
            pair("padding", false, "the padding").orWords("same"),
            pair("dilation", false, "the dilation"),
            word("bias", "whether to add a bias", "true", "false"));
    private static final Signature FULL = new Signature("conv2d", concat(List.of(
            integer("in", false, "the number of input channels"),
            integer("out", true, "the number of output channels"),
            pair("k", true, "the kernel size k")), OPTIONS), HELP);
    /** {@code conv2d(16, 3)}: two positional arguments are the output channels and the kernel size. */
    private static final Signature OUT_FIRST = new Signature("conv2d", concat(List.of(
            integer("out", true, "the number of output channels"),
            pair("k", true, "the kernel size k")), concat(OPTIONS,
            List.of(integer("in", false, "the number of input channels")))), HELP);

    @Override
    public String name() { return "conv2d"; }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        BoundArguments args = c.bind(call, signature(call));
        Optional<Num> inChannels = args.get("in").filter(n -> c.positive("in", n));
        Optional<Num> out = args.get("out").filter(n -> c.positive("out", n));
        Optional<List<Num>> k = ImageLayers.pair(c, args, "k", 1);
        Optional<List<Num>> stride = ImageLayers.pair(c, args, "stride", 1);
        Optional<List<Num>> dilation = ImageLayers.pair(c, args, "dilation", 1);
        boolean same = args.word("padding").isPresent();
        Optional<List<Num>> padding = ImageLayers.pair(c, args, "padding", 0);
        boolean valid = out.isPresent() && k.isPresent() && (!args.given("in") || inChannels.isPresent())
                && (!args.given("stride") || stride.isPresent()) && (!args.given("dilation") || dilation.isPresent())
                && (!args.given("padding") || same || padding.isPresent());
        if (same && stride.isPresent() && (ImageLayers.first(stride.get()) != 1 || ImageLayers.second(stride.get()) != 1)) {
            c.report(ImageProblems.sameNeedsStrideOne(stride.get().get(0).intValue() != 1 ? stride.get().get(0)
                    : stride.get().get(1)));
            valid = false;
        }
        if (!ImageLayers.isImage(c, call, in)) return Step.failed(Flow.UNKNOWN);
        int channels = in.shape().dim(0);
        if (inChannels.isPresent() && inChannels.get().intValue() != channels) {
            String rest = out.map(Num::written).orElse("out") + ", " + k.map(p -> p.get(0).written()).orElse("k");
            c.report(ImageProblems.channelMismatch(inChannels.get(), in, rest));
            valid = false;
        }
        if (!valid) return Step.failed(Flow.UNKNOWN);
        Window window = window(k.get(), stride, padding, dilation, same);
        long weights = ImageLayers.product(out.get().intValue(), channels, (long) window.kh() * window.kw());
        if (weights > Sizes.MAX_TENSOR) {
            c.report(ImageProblems.weightsTooLarge(call.name(), weights));
            return Step.failed(Flow.UNKNOWN);
        }
        boolean bias = !args.word("bias").orElse("true").equals("false");
        return ImageLayers.slide(c, call, in, window, out.get().intValue(),
                step(k.get(), stride, padding, dilation, same),
                shape -> new Layer.Conv2d(path, call.name().span(), in.shape(), shape, channels, shape.dim(0),
                        window, bias));
    }

    private static Signature signature(Call call) {
        long positional = call.arguments().stream().filter(a -> !a.isNamed()).count();
        return positional >= 3 ? FULL : OUT_FIRST;
    }

    private static Window window(List<Num> k, Optional<List<Num>> stride, Optional<List<Num>> padding,
                                 Optional<List<Num>> dilation, boolean same) {
        int kh = ImageLayers.first(k), kw = ImageLayers.second(k);
        int sh = stride.map(ImageLayers::first).orElse(1), sw = stride.map(ImageLayers::second).orElse(1);
        int dh = dilation.map(ImageLayers::first).orElse(1), dw = dilation.map(ImageLayers::second).orElse(1);
        if (same) {
            int totalH = clamp((long) dh * (kh - 1)), totalW = clamp((long) dw * (kw - 1));
            return new Window(kh, kw, sh, sw, totalH / 2, totalW / 2, totalH, totalW, dh, dw);
        }
        int ph = padding.map(ImageLayers::first).orElse(0), pw = padding.map(ImageLayers::second).orElse(0);
        return new Window(kh, kw, sh, sw, ph, pw, clamp(2L * ph), clamp(2L * pw), dh, dw);
    }

    /** Padding past any image size still gives a window that "fits" nothing sensible: capped, never wrapped. */
    private static int clamp(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** How the trail of sizes names this layer: {@code conv2d(k=5)}, {@code conv2d(k=3, stride=2, padding=1)}. */
    private static String step(List<Num> k, Optional<List<Num>> stride, Optional<List<Num>> padding,
                               Optional<List<Num>> dilation, boolean same) {
        String text = "conv2d(k=" + pairText(k);
        if (stride.isPresent()) text += ", stride=" + pairText(stride.get());
        if (same) text += ", padding=same";
        else if (padding.isPresent()) text += ", padding=" + pairText(padding.get());
        if (dilation.isPresent()) text += ", dilation=" + pairText(dilation.get());
        return text + ")";
    }

    static String pairText(List<Num> pair) {
        return Window.pair(pair.get(0).intValue(), pair.get(1).intValue());
    }

    private static List<Signature.Parameter> concat(List<Signature.Parameter> a, List<Signature.Parameter> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
