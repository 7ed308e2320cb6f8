package mtc.cli;

import mtc.data.DataException;
import mtc.data.DataLocator;
import mtc.data.Dataset;
import mtc.data.DatasetReader;

/** The test set that {@code mtc eval} measures a model on. */
final class EvalData {
    private EvalData() {}

    /** The test set at {@code location}; a broken cached file comes with advice to delete the cache. */
    static Dataset test(DataLocator.Location location) throws DataException {
        try {
            return DatasetReader.test(location.dir());
        } catch (DataException e) {
            throw location.withAdvice(e);
        }
    }
}
