package mtc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mtc.runtime.NetworkSpec;
import mtc.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
    @TempDir Path dir;

    @Test
    void findsRawAndGzipFilesAndPairsThem() throws Exception {
        Dataset train = DatasetReader.train(IdxFixtures.mnistLike(dir));
        assertEquals(20, train.count());
        assertEquals(784, train.sampleSize());
        assertTrue(train.imagesFile().endsWith("train-images-idx3-ubyte.gz"));
        float[] x = new float[2 * 784];
        int[] y = new int[2];
        train.copyBatch(new int[] {0, 13, 5}, 1, 2, x, y);
        assertArrayEquals(new int[] {3, 5}, y);
        assertEquals(13 / 255f, x[0]);
        assertEquals(5 / 255f, x[784 + 783]);
    }

    @Test
    void missingFileNamesTheFolderAndBothNames() throws Exception {
        DataException e = assertThrows(DataException.class, () -> DatasetReader.test(dir));
        assertEquals(dir + ": no t10k-images-idx3-ubyte (nor t10k-images-idx3-ubyte.gz) in this folder",
                e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        IdxFixtures.mnistLike(dir);
        Files.write(dir.resolve(MnistFiles.TEST_LABELS), IdxFixtures.idx(new int[] {9}, new byte[9]));
        DataException e = assertThrows(DataException.class, () -> DatasetReader.test(dir));
        assertTrue(e.getMessage().endsWith("t10k-labels-idx1-ubyte: holds 9 labels, but " + dir
                + "/t10k-images-idx3-ubyte.gz holds 10 images"), e.getMessage());
    }

    @Test
    void labelsOutsideTheModelsClassesAreRefused() throws Exception {
        Dataset test = DatasetReader.test(IdxFixtures.mnistLike(dir));
        NetworkSpec threeClasses = new NetworkSpec("Tiny", List.of(784), 3, List.of(), Double.NaN);
        DataException e = assertThrows(DataException.class, () -> ModelFit.check(test, threeClasses));
        assertTrue(e.getMessage().endsWith("t10k-labels-idx1-ubyte: label 3 of sample 3 is outside model Tiny's"
                + " 3 classes (0..2)"), e.getMessage());
    }

    @Test
    void imageSizeMustMatchTheModelInput() throws Exception {
        Dataset test = DatasetReader.test(IdxFixtures.mnistLike(dir));
        NetworkSpec cifar = new NetworkSpec("Cifar", List.of(3, 32, 32), 10, List.of(), Double.NaN);
        DataException e = assertThrows(DataException.class, () -> ModelFit.check(test, cifar));
        assertTrue(e.getMessage().endsWith("images are 28x28 (784 values), but model Cifar takes input [3,32,32]"
                + " (3072 values)"), e.getMessage());
        ModelFit.check(test, new NetworkSpec("Mlp", List.of(1, 28, 28), 10, List.of(), Double.NaN));
        NetworkSpec wide = new NetworkSpec("Wide", List.of(1, 14, 56), 10, List.of(), Double.NaN);
        assertThrows(DataException.class, () -> ModelFit.check(test, wide));
    }

    @Test
    void readsTheRealMnistTestSet() throws Exception {
        Dataset test = DatasetReader.test(SharedData.mnist());
        assertEquals(10000, test.count());
        assertEquals(28, test.rows());
        assertEquals(7, test.labels()[0]);
    }
}
