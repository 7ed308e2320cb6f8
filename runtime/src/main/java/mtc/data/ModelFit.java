package mtc.data;

import java.util.List;
import mtc.runtime.NetworkSpec;

/**
 * Checks that a dataset can feed a model before any training starts, so that a wrong folder or a
 * model for other data fails with a message about the files instead of wrong numbers or a crash.
 */
public final class ModelFit {
    private ModelFit() {}

    /** Throws if the images do not match the model's input or a label is not one of its classes. */
    public static void check(Dataset data, NetworkSpec spec) throws DataException {
        if (data.sampleSize() != spec.inputSize() || !sameImageSize(data, spec.inputShape())) {
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

    /** For an image input ({@code [H,W]} or {@code [C,H,W]}) rows and columns must match, not only their product. */
    private static boolean sameImageSize(Dataset data, List<Integer> shape) {
        int rank = shape.size();
        return rank < 2 || (shape.get(rank - 2) == data.rows() && shape.get(rank - 1) == data.cols());
    }
}
