package mtc.check;

import java.util.List;
import mtc.syntax.Call;

/** {@code global_avgpool}: the mean of each channel, {@code [c,h,w]} to {@code [c,1,1]} (PyTorch's {@code AdaptiveAvgPool2d(1)}). */
final class GlobalAvgPoolRule implements LayerRule {
    private static final Signature SIGNATURE = new Signature("global_avgpool", List.of(), "write global_avgpool");

    @Override
    public String name() { return PoolKind.GLOBAL_AVERAGE.keyword(); }

    @Override
    public Step check(LayerCheck c, Call call, String path, Flow in) {
        c.bind(call, SIGNATURE);
        if (!ImageLayers.isImage(c, call, in)) return Step.failed(Flow.UNKNOWN);
        Shape s = in.shape();
        Window whole = new Window(s.dim(1), s.dim(2), 1, 1, 0, 0, 0, 0, 1, 1);
        return ImageLayers.slide(c, call, in, whole, s.dim(0), name(),
                shape -> new Layer.Pool2d(path, call.name().span(), s, shape, PoolKind.GLOBAL_AVERAGE, whole));
    }
}
