package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import mtc.data.DataException;
import mtc.data.DataLocator;
import mtc.data.Dataset;
import mtc.data.DatasetReader;
import mtc.data.ModelFit;
import mtc.runtime.NetworkSpec;

/** The training and test sets of one {@code mtc train} run, found and checked against the model. */
record TrainData(Path dir, Dataset train, Dataset test) {
    /** Finds the data folder (obtaining MNIST if needed), reads both sets and checks they fit {@code spec}. */
    static TrainData load(Path dataOption, NetworkSpec spec, PrintWriter err) throws DataException {
        DataLocator.Location location = DataCommands.dataFolder(dataOption, err);
        Path dir = location.dir();
        TrainData sets;
        try {
            sets = new TrainData(dir, DatasetReader.train(dir), DatasetReader.test(dir));
        } catch (DataException e) {
            throw location.withAdvice(e);
        }
        ModelFit.check(sets.train(), spec);
        ModelFit.check(sets.test(), spec);
        return sets;
    }
}
