package mtc.data;

import mtc.runtime.NetworkSpec;

/**
 * Checks that a dataset can feed a model before any training starts, so that a wrong folder or a
 * model for other data fails with a message about the files instead of wrong numbers or a crash.
 */
public final class ModelFit {
    private ModelFit() {}

    /** Throws if the images do not match the model's input or a label is not one of its classes. */
    public static void check(Dataset data, NetworkSpec spec) throws DataException {
        if (data.sampleSize() != spec.inputSize()) {
            throw new DataException(data.imagesFile() + ": images are " + data.rows() + "x" + data.cols() + " ("
                    + data.sampleSize() + " values), but model " + spec.name() + " takes input "
                    + spec.inputShape().toString().replace(" ", "") + " (" + spec.inputSize() + " values)");
        }
        for (int i = 0; i < data.count(); i++) {
            int label = data.labels()[i];
            if (label >= spec.classes()) {
                throw new DataException(data.labelsFile() + ": label " + label + " of sample " + i
                        + " is outside model " + spec.name() + "'s " + spec.classes() + " classes (0.."
                        + (spec.classes() - 1) + ")");
            }
        }
    }
}
