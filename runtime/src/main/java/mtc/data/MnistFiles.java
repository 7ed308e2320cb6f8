package mtc.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The names of the four MNIST-format files and where they are in a folder: each may be raw or
 * gzip-compressed ({@code .gz}), as the original distribution and Debian's Fashion-MNIST ship them.
 */
public final class MnistFiles {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final List<String> ALL = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private MnistFiles() {}

    /** The file {@code name} or {@code name.gz} in {@code dir}. */
    public static Path find(Path dir, String name) throws DataException {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) return raw;
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        throw new DataException(dir + ": no " + name + " (nor " + name + ".gz) in this folder");
    }

    /** Whether {@code dir} holds all four files. */
    public static boolean complete(Path dir) {
        return ALL.stream().allMatch(n -> Files.isRegularFile(dir.resolve(n))
                || Files.isRegularFile(dir.resolve(n + ".gz")));
    }
}
