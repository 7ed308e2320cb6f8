package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import mtc.data.DataException;
import mtc.data.DataSources;
import mtc.data.Dataset;
import mtc.runtime.NetworkSpec;

/**
 * The data of one {@code mtc train} or {@code mtc eval} run, found and checked against the model.
 *
 * @param loaded the sets, where they came from and their class names
 */
record TrainData(DataSources.Loaded loaded) {
    /**
     * Finds the data that {@code --data} names (null when not given), else the data set the model
     * names (null when none), else MNIST (obtained if needed), and reads both sets, or only the test set.
     */
    static TrainData load(String dataOption, String named, NetworkSpec spec, boolean withTrain, PrintWriter err)
            throws DataException {
        return new TrainData(DataSources.load(dataOption, named, spec, withTrain, DataSources.Environment.of(line -> {
            err.println(line);
            err.flush();
        })));
    }

    Path dir() { return loaded.dir(); }

    Dataset train() { return loaded.train(); }

    Dataset test() { return loaded.test(); }

}
