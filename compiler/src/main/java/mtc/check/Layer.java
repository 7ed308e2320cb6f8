package mtc.check;

import java.util.List;
import java.util.Locale;
import mtc.diag.Span;

/**
 * One checked layer of the chain with its input and output shapes known. Its {@link #path()} is
 * its position in its {@code nn.Sequential} counted from 0, parameter-free layers included, after
 * the path of the residual connection it is in: the prefix of its tensors' state-dict names. Each kind says
 * here what the summary shows of it; later stages handle every kind through {@link Visitor}.
 */
public sealed interface Layer {
    /** The prefix of its tensors' names in the PyTorch state dict: {@code 4}, or {@code 3.body.0} inside a residual. */
    String path();

    /** Where the layer's name is in the source. */
    Span span();

    Shape in();

    Shape out();

    /** The layer's name as written in {@code .mt} files ({@code linear}, {@code batchnorm}, ...). */
    String kind();

    /** The layer as it could be written: {@code linear(784, 256)}, {@code dropout(0.2)}, {@code relu}. */
    default String describe() { return kind(); }

    /** Trainable parameters (weights and biases; not running statistics). */
    long parameterCount();

    /** Multiply-adds count as two; forward pass, one sample. */
    long flopsPerSample();

    <R> R accept(Visitor<R> visitor);

    /** One method per layer kind, so that no stage after the checker can forget one. */
    interface Visitor<R> {
        R visit(Linear layer);
        R visit(BatchNorm layer);
        R visit(Activation layer);
        R visit(Dropout layer);
        R visit(Flatten layer);
        R visit(Conv2d layer);
        R visit(Pool2d layer);
        R visit(Residual layer);
    }

    record Linear(String path, Span span, Shape in, Shape out, int inFeatures, int outFeatures) implements Layer {
        public String kind() { return "linear"; }
        public String describe() { return "linear(" + inFeatures + ", " + outFeatures + ")"; }
        public long parameterCount() { return (long) inFeatures * outFeatures + outFeatures; }
        public long flopsPerSample() { return 2L * inFeatures * outFeatures; }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    /** Normalises feature {@code i} of {@code [n]}, or channel {@code i} of {@code [c,h,w]}. */
    record BatchNorm(String path, Span span, Shape in, Shape out, double eps, double momentum) implements Layer {
        public String kind() { return "batchnorm"; }
        public int features() { return in.dim(0); }
        public long parameterCount() { return 2L * features(); }
        public long flopsPerSample() { return 2 * in.size(); }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    /** An element-wise activation ({@link ActivationKind}); {@code slope} is leaky relu's, else 0. */
    record Activation(String path, Span span, Shape in, Shape out, ActivationKind function, double slope)
            implements Layer {
        public String kind() { return function.keyword(); }
        public String describe() {
            return function == ActivationKind.LEAKY_RELU ? kind() + "(" + number(slope) + ")" : kind();
        }
        public long parameterCount() { return 0; }
        public long flopsPerSample() { return function.flopsPerElement() * in.size(); }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    /** Inverted dropout with drop probability {@code p}. */
    record Dropout(String path, Span span, Shape in, Shape out, double p) implements Layer {
        public String kind() { return "dropout"; }
        public String describe() { return "dropout(" + number(p) + ")"; }
        public long parameterCount() { return 0; }
        public long flopsPerSample() { return in.size(); }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    record Flatten(String path, Span span, Shape in, Shape out) implements Layer {
        public String kind() { return "flatten"; }
        public long parameterCount() { return 0; }
        public long flopsPerSample() { return 0; }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    /** PyTorch's {@code nn.Conv2d}: weight {@code [out,in,kh,kw]}, bias {@code [out]} when {@code bias}. */
    record Conv2d(String path, Span span, Shape in, Shape out, int inChannels, int outChannels, Window window,
                  boolean bias) implements Layer {
        public String kind() { return "conv2d"; }
        public String describe() {
            StringBuilder text = new StringBuilder("conv2d(" + inChannels + ", " + outChannels + ", "
                    + Window.pair(window.kh(), window.kw()));
            if (window.sh() != 1 || window.sw() != 1) text.append(", stride=").append(Window.pair(window.sh(), window.sw()));
            if (window.padHeight() + window.padWidth() > 0) {
                text.append(", padding=").append(Window.pair(window.padTop(), window.padLeft()));
            }
            if (window.dh() != 1 || window.dw() != 1) text.append(", dilation=").append(Window.pair(window.dh(), window.dw()));
            return text.append(bias ? "" : ", bias=false").append(')').toString();
        }
        public long weightCount() { return (long) outChannels * inChannels * window.kh() * window.kw(); }
        public long parameterCount() { return weightCount() + (bias ? outChannels : 0); }
        public long flopsPerSample() { return 2L * out.size() * inChannels * window.kh() * window.kw(); }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    /** Max or average pooling over windows, or the average over the whole image ({@code global_avgpool}). */
    record Pool2d(String path, Span span, Shape in, Shape out, PoolKind pooling, Window window) implements Layer {
        public String kind() { return pooling.keyword(); }
        public String describe() {
            if (pooling == PoolKind.GLOBAL_AVERAGE) return kind();
            String text = kind() + "(" + Window.pair(window.kh(), window.kw());
            if (window.sh() != window.kh() || window.sw() != window.kw()) {
                text += ", stride=" + Window.pair(window.sh(), window.sw());
            }
            if (window.padTop() + window.padLeft() > 0) text += ", padding=" + Window.pair(window.padTop(), window.padLeft());
            return text + ")";
        }
        public long parameterCount() { return 0; }
        public long flopsPerSample() { return out.size() * window.kh() * window.kw(); }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    /**
     * {@code residual(body, shortcut = ...)}: {@code body(x) + shortcut(x)}, the shortcut the identity
     * when {@code shortcut} is empty. PyTorch: one module with {@code body} and {@code shortcut}, each
     * an {@code nn.Sequential}, so its layers' paths are {@code 3.body.0}, {@code 3.shortcut.0}.
     */
    record Residual(String path, Span span, Shape in, Shape out, List<Layer> body, List<Layer> shortcut)
            implements Layer {
        public Residual {
            body = List.copyOf(body);
            shortcut = List.copyOf(shortcut);
        }
        public String kind() { return "residual"; }
        public long parameterCount() {
            return java.util.stream.Stream.concat(body.stream(), shortcut.stream()).mapToLong(Layer::parameterCount).sum();
        }
        public long flopsPerSample() {
            return out.size() + java.util.stream.Stream.concat(body.stream(), shortcut.stream())
                    .mapToLong(Layer::flopsPerSample).sum();
        }
        public <R> R accept(Visitor<R> v) { return v.visit(this); }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
