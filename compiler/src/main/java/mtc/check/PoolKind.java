package mtc.check;

/** The pooling layers: PyTorch's {@code MaxPool2d}, {@code AvgPool2d} and {@code AdaptiveAvgPool2d(1)}. */
public enum PoolKind {
    MAX("maxpool2d"),
    AVERAGE("avgpool2d"),
    GLOBAL_AVERAGE("global_avgpool");

    private final String keyword;

    PoolKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() { return keyword; }
}
