package mtc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mtc.runtime.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    private static final NetworkSpec MLP = new NetworkSpec("Mlp", List.of(784), 10, List.of(), Double.NaN);
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir Path dir;
    private final List<String> status = new ArrayList<>();

    private DataSources.Environment where(Map<String, String> env, Path systemDatasets) {
        return new DataSources.Environment(env, dir.resolve("home"), systemDatasets, status::add);
    }

    private DataSources.Environment withMnist() {
        return where(Map.of("MTC_DATA", SharedData.require(SharedData.MNIST).toString()), dir.resolve("none"));
    }

    @Test
    void mnistByNameOrByDefaultComesFromTheUsualPlacesWithDigitNames() throws Exception {
        for (String option : new String[] {"mnist", null}) {
            DataSources.Loaded data = DataSources.load(option, null, MLP, false, withMnist());
            assertEquals(SharedData.MNIST, data.dir());
            assertNull(data.train(), "only the test set was asked for");
            assertEquals(10_000, data.test().count());
            assertEquals(DIGITS, data.classes().names());
            assertEquals(InputStyle.DIGITS, data.style());
        }
    }

    @Test
    void theOptionWinsOverTheModelsDataStatement() throws Exception {
        DataSources.Loaded data = DataSources.load(SharedData.MNIST.toString(), "fashion-mnist", MLP, true, withMnist());
        assertEquals(60_000, data.train().count());
        assertEquals(DIGITS, data.classes().names(), "MNIST's labels are not Fashion-MNIST's");
    }

    @Test
    void fashionMnistIsRecognisedByItsLabelsAndGetsItsClassNames() throws Exception {
        Path debian = SharedData.fashion();
        DataSources.Loaded data = DataSources.load(null, "fashion-mnist", MLP, true,
                where(Map.of(), debian.getParent()));
        assertEquals(debian, data.dir());
        assertEquals("sneaker", data.classes().name(7));
        assertEquals(NamedDataSet.FASHION_MNIST.classNames(), DataSources.load(debian.toString(), null, MLP, false,
                where(Map.of(), dir)).classes().names(), "a folder holding Fashion-MNIST is recognised too");
    }

    @Test
    void fashionMnistMissingSaysHowToInstallIt() {
        DataException e = assertThrows(DataException.class, () -> DataSources.load("fashion-mnist", null, MLP, true,
                where(Map.of(), dir.resolve("no-datasets"))));
        assertTrue(e.getMessage().startsWith("Fashion-MNIST is not installed: on Debian or Ubuntu, 'apt-get install "
                + "dataset-fashion-mnist' puts it in " + dir.resolve("no-datasets/fashion-mnist")), e.getMessage());
    }

    @Test
    void aNameThatIsNeitherAFolderNorADataSetIsAnError() {
        DataException e = assertThrows(DataException.class, () -> DataSources.load("mnsit", null, MLP, true,
                withMnist()));
        assertEquals("mnsit: no such folder, nor a data set mtc knows (mnist, fashion-mnist)", e.getMessage());
    }

    @Test
    void anImageFolderIsReadAtTheModelsInputSizeAsPictures() throws Exception {
        Path pets = PictureFolders.catsAndDogs(dir.resolve("pets"), 28);
        NetworkSpec twoClasses = new NetworkSpec("Pets", List.of(1, 28, 28), 2, List.of(), Double.NaN);
        DataSources.Loaded data = DataSources.load(pets.toString(), null, twoClasses, true, where(Map.of(), dir));
        assertEquals(List.of("cat", "dog"), data.classes().names());
        assertEquals(InputStyle.PICTURES, data.style());
        assertEquals(3, data.train().count());
        assertEquals(Map.of(ClassNames.METADATA_KEY, "cat\ndog", InputStyle.METADATA_KEY, "pictures"), data.metadata());
    }

    @Test
    void anImageFolderMustHaveOneClassPerOutputAndAnImageInput() throws Exception {
        Path pets = PictureFolders.catsAndDogs(dir.resolve("pets"), 4);
        DataException e = assertThrows(DataException.class, () -> DataSources.load(pets.toString(), null, MLP, true,
                where(Map.of(), dir)));
        assertEquals(pets.resolve("train") + ": 2 classes (cat, dog), but model Mlp has 10 outputs: its last layer "
                + "needs one output per class, e.g. linear(2)", e.getMessage());
        NetworkSpec flat = new NetworkSpec("Flat", List.of(10), 2, List.of(), Double.NaN);
        e = assertThrows(DataException.class, () -> DataSources.load(pets.toString(), null, flat, true,
                where(Map.of(), dir)));
        assertTrue(e.getMessage().contains("cannot be converted"), e.getMessage());
    }
}
