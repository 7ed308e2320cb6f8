package mtc.data;

import java.nio.file.Path;

/**
 * Reads a pair of IDX files (images and their labels) into a {@link Dataset}, checking that they
 * belong together, and checks that a dataset fits the model it is meant for.
 */
public final class DatasetReader {
    private DatasetReader() {}

    /** The training set in {@code dir}. */
    public static Dataset train(Path dir) throws DataException {
        return read(MnistFiles.find(dir, MnistFiles.TRAIN_IMAGES), MnistFiles.find(dir, MnistFiles.TRAIN_LABELS));
    }

    /** The test set in {@code dir}. */
    public static Dataset test(Path dir) throws DataException {
        return read(MnistFiles.find(dir, MnistFiles.TEST_IMAGES), MnistFiles.find(dir, MnistFiles.TEST_LABELS));
    }

    /** Reads images ({@code count x rows x cols}) and labels ({@code count}) and pairs them. */
    public static Dataset read(Path imagesFile, Path labelsFile) throws DataException {
        IdxReader.Values images = DecodedCache.ofUser().read(imagesFile, 3);
        IdxArray labels = IdxReader.read(labelsFile, 1);
        int count = images.dims()[0];
        if (labels.dims()[0] != count) {
            throw new DataException(labels.file() + ": holds " + labels.dims()[0] + " labels, but "
                    + images.file() + " holds " + count + " images");
        }
        int[] y = new int[count];
        for (int i = 0; i < count; i++) y[i] = labels.data()[i] & 0xFF;
        return Dataset.of(images.file(), labels.file(), count, images.dims()[1], images.dims()[2], images.data(), y);
    }
}
