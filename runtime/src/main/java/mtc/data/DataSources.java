package mtc.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import mtc.runtime.NetworkSpec;

/**
 * What {@code --data} (or a model's {@code data} statement) means, turned into data checked against
 * the model: a folder of MNIST-format files or of pictures ({@link ImageFolderData}), or the name of
 * a data set mtc knows ({@link NamedDataSet}). A folder of that name wins over the data set, so
 * that {@code --data mnist} still means {@code ./mnist} where such a folder exists. Without either,
 * MNIST from {@link DataLocator}'s usual places.
 */
public final class DataSources {
    /** Where Debian's {@code dataset-fashion-mnist} package puts Fashion-MNIST. */
    public static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

    private DataSources() {}

    /**
     * Where to look and whom to tell: the environment ({@code MTC_DATA}, {@code XDG_CACHE_HOME}),
     * the home folder, the folder holding system-wide data sets, and a sink for status lines.
     */
    public record Environment(Map<String, String> env, Path home, Path systemDatasets, Consumer<String> status) {
        /** This process's environment and home, with status lines going to {@code status}. */
        public static Environment of(Consumer<String> status) {
            return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), DEBIAN_DATASETS, status);
        }

        Path cache() {
            return DataLocator.cacheRoot(env, home);
        }
    }

    /**
     * The data, with class names.
     *
     * @param dir      the folder it came from
     * @param train    the training set; null when only the test set was asked for
     * @param style    how it was made from pictures, which prediction must repeat
     */
    public record Loaded(Path dir, Dataset train, Dataset test, ClassNames classes, InputStyle style) {
        /** What the weights' metadata keeps about the data: class names and input style. */
        public Map<String, String> metadata() {
            Map<String, String> m = new LinkedHashMap<>(classes.toMetadata());
            m.putAll(style.toMetadata());
            return m;
        }
    }

    /**
     * Loads the data {@code option} names (null when not given), else the data set {@code named}
     * by the model (null when none), else MNIST; with {@code withTrain} false, the test set only.
     */
    public static Loaded load(String option, String named, NetworkSpec spec, boolean withTrain, Environment where)
            throws DataException {
        if (option != null && Files.isDirectory(Path.of(option))) {
            return folder(Path.of(option), spec, withTrain, where);
        }
        String name = option != null ? option : named;
        if (name == null) return idx(mnist(where), spec, withTrain);
        NamedDataSet set = NamedDataSet.byName(name).orElseThrow(() -> new DataException(name + ": no such folder, "
                + "nor a data set mtc knows (" + String.join(", ", NamedDataSet.names()) + ")"));
        return idx(locate(set, where), spec, withTrain);
    }

    private static DataLocator.Location locate(NamedDataSet set, Environment where) throws DataException {
        if (set == NamedDataSet.MNIST) return mnist(where);
        Path debian = where.systemDatasets().resolve(set.text());
        if (MnistFiles.complete(debian)) return new DataLocator.Location(debian, false);
        Path cached = where.cache().resolve(set.text());
        if (MnistFiles.complete(cached)) return new DataLocator.Location(cached, false);
        throw new DataException("Fashion-MNIST is not installed: on Debian or Ubuntu, 'apt-get install "
                + "dataset-fashion-mnist' puts it in " + debian + "; or put its four files in " + cached
                + ", or in a folder passed with --data DIR");
    }

    private static DataLocator.Location mnist(Environment where) throws DataException {
        return DataLocator.obtain(null, where.env(), where.home(), where.status());
    }

    private static Loaded folder(Path dir, NetworkSpec spec, boolean withTrain, Environment where)
            throws DataException {
        if (!ImageFolderData.looksLike(dir) || MnistFiles.complete(dir)) {
            return idx(new DataLocator.Location(dir, false), spec, withTrain);
        }
        ImageInput.Target target = ImageInput.target(spec.inputShape());
        ImageFolderData.Loaded read = ImageFolderData.read(dir, target, where.cache().resolve("images"),
                where.status());
        int classes = read.classes().names().size();
        if (classes != spec.classes()) {
            throw new DataException(dir.resolve("train") + ": " + classes + " classes (" + String.join(", ",
                    read.classes().names()) + "), but model " + spec.name() + " has " + spec.classes()
                    + " outputs: its last layer needs one output per class, e.g. linear(" + classes + ")");
        }
        return new Loaded(dir, withTrain ? read.train() : null, read.test(), read.classes(), InputStyle.PICTURES);
    }

    /** MNIST-format files at {@code location}, checked against the model; a broken cache comes with advice. */
    private static Loaded idx(DataLocator.Location location, NetworkSpec spec, boolean withTrain)
            throws DataException {
        Path dir = location.dir();
        try {
            Dataset train = withTrain ? DatasetReader.train(dir) : null;
            Dataset test = DatasetReader.test(dir);
            if (train != null) ModelFit.check(train, spec);
            ModelFit.check(test, spec);
            Path trainLabels = withTrain ? MnistFiles.find(dir, MnistFiles.TRAIN_LABELS) : null;
            ClassNames names = LabelFiles.names(trainLabels, MnistFiles.find(dir, MnistFiles.TEST_LABELS),
                    spec.classes());
            return new Loaded(dir, train, test, names, InputStyle.DIGITS);
        } catch (DataException e) {
            throw location.withAdvice(e);
        }
    }
}
