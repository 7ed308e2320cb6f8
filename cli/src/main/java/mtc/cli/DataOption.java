package mtc.cli;

/** The {@code --data} option's help, the same for {@code train} and {@code eval}. */
final class DataOption {
    static final String DESCRIPTION = "a folder of the four MNIST-format IDX files (raw or .gz), or of pictures "
            + "(DIR/train/CLASS/*.png|jpg, DIR/test/CLASS/...), or a data set name: mnist, fashion-mnist "
            + "(default: the model's data statement, else MNIST from $MTC_DATA or the per-user cache, filled on "
            + "first use)";

    private DataOption() {}
}
