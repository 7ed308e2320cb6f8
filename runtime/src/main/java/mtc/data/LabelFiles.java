package mtc.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Names the classes of MNIST-format data. Fashion-MNIST is told from MNIST by the SHA-256 of its
 * label files (their content, gzipped or not): the labels are what the class names describe, and
 * at 60 kB they are hashed in a millisecond. Any other MNIST-format data gets its indices as names.
 */
final class LabelFiles {
    /** SHA-256 of Fashion-MNIST's raw label files (from Debian's dataset-fashion-mnist). */
    static final String FASHION_TRAIN_LABELS = "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9";
    static final String FASHION_TEST_LABELS = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34";

    private LabelFiles() {}

    /** The class names for labels read from {@code testLabels} (and {@code trainLabels}, null when not read). */
    static ClassNames names(Path trainLabels, Path testLabels, int classes) throws DataException {
        boolean fashion = sha256(testLabels).equals(FASHION_TEST_LABELS)
                && (trainLabels == null || sha256(trainLabels).equals(FASHION_TRAIN_LABELS));
        if (fashion) return new ClassNames(NamedDataSet.FASHION_MNIST.classNames());
        return new ClassNames(IntStream.range(0, classes).mapToObj(Integer::toString).toList());
    }

    /** The SHA-256 of the decompressed content of {@code file}, in lower-case hex. */
    static String sha256(Path file) throws DataException {
        try (InputStream in = IdxReader.open(file)) {
            return MnistChecksums.sha256(in);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage());
        }
    }
}
