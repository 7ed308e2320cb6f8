package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import mtc.data.DataException;
import mtc.data.Dataset;
import mtc.data.DatasetReader;
import mtc.data.ModelFit;
import mtc.runtime.NetworkSpec;

/** The training and test sets of one {@code mtc train} run, found and checked against the model. */
record TrainData(Path dir, Dataset train, Dataset test) {
    /** Finds the data folder (obtaining MNIST if needed), reads both sets and checks they fit {@code spec}. */
    static TrainData load(Path dataOption, NetworkSpec spec, PrintWriter err) throws DataException {
        Path dir = DataCommands.dataFolder(dataOption, err);
        Dataset train = DatasetReader.train(dir);
        Dataset test = DatasetReader.test(dir);
        ModelFit.check(train, spec);
        ModelFit.check(test, spec);
        return new TrainData(dir, train, test);
    }
}
