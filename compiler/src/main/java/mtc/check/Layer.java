package mtc.check;

import mtc.diag.Span;

/**
 * One checked layer of the chain with its input and output shapes known. {@code index} is the
 * layer's position in the chain counted from 0, parameter-free layers included: it is the
 * prefix of its tensors' names in the PyTorch {@code nn.Sequential} state dict.
 */
public sealed interface Layer {
    int index();

    /** Where the layer's name is in the source. */
    Span span();

    Shape in();

    Shape out();

    /** The layer's name as written in {@code .mt} files ({@code linear}, {@code batchnorm}, ...). */
    String kind();

    /** Trainable parameters (weights and biases; not running statistics). */
    long parameterCount();

    /** Multiply-adds count as two; forward pass, one sample. */
    long flopsPerSample();

    record Linear(int index, Span span, Shape in, Shape out, int inFeatures, int outFeatures) implements Layer {
        public String kind() { return "linear"; }
        public long parameterCount() { return (long) inFeatures * outFeatures + outFeatures; }
        public long flopsPerSample() { return 2L * inFeatures * outFeatures; }
    }

    /** Normalises feature {@code i} of {@code [n]}, or channel {@code i} of {@code [c,h,w]}. */
    record BatchNorm(int index, Span span, Shape in, Shape out, double eps, double momentum) implements Layer {
        public String kind() { return "batchnorm"; }
        public int features() { return in.dim(0); }
        public long parameterCount() { return 2L * features(); }
        public long flopsPerSample() { return 2 * in.size(); }
    }

    record Relu(int index, Span span, Shape in, Shape out) implements Layer {
        public String kind() { return "relu"; }
        public long parameterCount() { return 0; }
        public long flopsPerSample() { return in.size(); }
    }

    /** Inverted dropout with drop probability {@code p}. */
    record Dropout(int index, Span span, Shape in, Shape out, double p) implements Layer {
        public String kind() { return "dropout"; }
        public long parameterCount() { return 0; }
        public long flopsPerSample() { return in.size(); }
    }

    record Flatten(int index, Span span, Shape in, Shape out) implements Layer {
        public String kind() { return "flatten"; }
        public long parameterCount() { return 0; }
        public long flopsPerSample() { return 0; }
    }
}
