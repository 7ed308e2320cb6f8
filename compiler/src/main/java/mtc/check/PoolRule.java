package mtc.check;

import static mtc.check.Signature.pair;

import java.util.List;
import java.util.Optional;
import mtc.syntax.Call;

/**
 * {@code maxpool2d(k, stride=k, padding=0)} and {@code avgpool2d(...)}: PyTorch's {@code MaxPool2d}
 * and {@code AvgPool2d} (padding counted in the average); the padding may be at most half the window.
 */
final class PoolRule implements LayerRule {
    private final PoolKind kind;
    private final Signature signature;

    PoolRule(PoolKind kind) {
        this.kind = kind;
        this.signature = new Signature(kind.keyword(), List.of(pair("k", true, "the window size k"),
                pair("stride", false, "the stride"), pair("padding", false, "the padding")),
                "write " + kind.keyword() + "(2) for 2x2 windows, or " + kind.keyword() + "(3, stride=2, padding=1)");
    }

    @Override
    public String name() { return kind.keyword(); }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        BoundArguments args = c.bind(call, signature);
        Optional<List<Num>> k = ImageLayers.pair(c, args, "k", 1);
        Optional<List<Num>> stride = ImageLayers.pair(c, args, "stride", 1);
        Optional<List<Num>> padding = ImageLayers.pair(c, args, "padding", 0);
        boolean valid = k.isPresent() && (!args.given("stride") || stride.isPresent())
                && (!args.given("padding") || padding.isPresent());
        Window window = valid ? window(k.get(), stride.orElse(k.get()), padding) : null;
        if (window != null && padding.isPresent()) valid = paddingFits(c, padding.get(), window);
        if (!ImageLayers.isImage(c, call, in) || !valid) return Step.failed(Flow.UNKNOWN);
        int channels = in.shape().dim(0);
        return ImageLayers.slide(c, call, in, window, channels, step(k.get(), stride, padding),
                shape -> new Layer.Pool2d(path, call.name().span(), in.shape(), shape, kind, window));
    }

    private static Window window(List<Num> k, List<Num> stride, Optional<List<Num>> padding) {
        int ph = padding.map(ImageLayers::first).orElse(0), pw = padding.map(ImageLayers::second).orElse(0);
        return new Window(ImageLayers.first(k), ImageLayers.second(k), ImageLayers.first(stride),
                ImageLayers.second(stride), ph, pw, (int) Math.min(2L * ph, Integer.MAX_VALUE),
                (int) Math.min(2L * pw, Integer.MAX_VALUE), 1, 1);
    }

    private boolean paddingFits(LayerCheck c, List<Num> padding, Window window) {
        if (ImageLayers.first(padding) > window.kh() / 2) {
            c.report(ImageProblems.poolPaddingTooLarge(padding.get(0), window, kind.keyword()));
            return false;
        }
        if (ImageLayers.second(padding) > window.kw() / 2) {
            c.report(ImageProblems.poolPaddingTooLarge(padding.get(1), window, kind.keyword()));
            return false;
        }
        return true;
    }

    private String step(List<Num> k, Optional<List<Num>> stride, Optional<List<Num>> padding) {
        String text = kind.keyword() + "(" + Conv2dRule.pairText(k);
        if (stride.isPresent()) text += ", stride=" + Conv2dRule.pairText(stride.get());
        if (padding.isPresent()) text += ", padding=" + Conv2dRule.pairText(padding.get());
        return text + ")";
    }
}
