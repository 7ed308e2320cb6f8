package mtc.api;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mtc.data.ClassNames;
import mtc.data.DataException;
import mtc.data.ImageInput;
import mtc.data.InputStyle;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.io.WeightsException;
import mtc.runtime.Network;

/**
 * A trained model, ready to classify samples from Java code: the {@code .mt} file compiled in
 * memory (as {@code mtc train} does) with the weights {@code mtc train --save} wrote.
 *
 * <pre>{@code
 * Model m = Model.load(Path.of("mnist.mt"), Path.of("mnist.safetensors"));
 * float[] p = m.predict(sample);        // class probabilities of one sample
 * String name = m.className(m.classify(sample));
 * }</pre>
 *
 * <p>A sample is one input of the model's {@link #inputShape()}, flattened row-major, values as
 * in training (pixels in [0,1]); {@link #readImage(Path)} makes one from a picture the way
 * {@code mtc predict} does. Evaluation mode throughout: running statistics, no dropout, and no
 * training state is touched. Every method may be called from any number of threads at once: each
 * concurrent call runs on its own instance of the generated network.
 */
public final class Model {
    /** Samples per evaluation call in {@link #predict(float[][])}: what {@code mtc eval} uses. */
    private static final int CHUNK = 1000;

    private final NetworkPool pool;
    private final String name;
    private final List<Integer> inputShape;
    private final int inputSize;
    private final int classes;
    private final ClassNames names;
    private final InputStyle style;

    private Model(Network net, ClassNames names, InputStyle style) {
        this.pool = new NetworkPool(net);
        this.name = net.spec().name();
        this.inputShape = net.spec().inputShape();
        this.inputSize = net.spec().inputSize();
        this.classes = net.spec().classes();
        this.names = names;
        this.style = style;
    }

    /**
     * Compiles {@code model} (a {@code .mt} file, or what {@code mtc compile} wrote) and loads
     * {@code weights} (safetensors) into it. The compiler's warnings are not shown.
     *
     * @param model   a {@code .mt} file, or the folder or class file {@code mtc compile} wrote
     * @param weights what {@code mtc train --save} wrote for that model
     * @return the model, ready for any number of threads
     * @throws MtcException when the model does not compile or the weights do not fit it, with the
     *                      message {@code mtc} prints for the same files
     */
    public static Model load(Path model, Path weights) {
        try {
            Network net = ModelLoader.load(model, new PrintStream(OutputStream.nullOutputStream()));
            SafetensorsReader.load(weights, net);
            Map<String, String> metadata = SafetensorsReader.metadata(weights);
            return new Model(net, ClassNames.fromMetadata(metadata).orElse(new ClassNames(List.of())),
                    InputStyle.fromMetadata(metadata));
        } catch (ModelLoader.LoadException e) {
            throw new MtcException(e.getMessage().stripTrailing(), e);
        } catch (WeightsException e) {
            throw new MtcException("mtc: " + e.getMessage(), e);
        }
    }

    /**
     * The probability of each class for one sample.
     *
     * @param sample {@link #inputSize()} values
     * @return {@link #classes()} probabilities that sum to 1
     */
    public float[] predict(float[] sample) {
        checkSize(sample, -1);
        float[] probs = new float[classes];
        run(sample, 1, probs);
        return probs;
    }

    /**
     * The probabilities of a batch of samples, computed a thousand samples per call of the network
     * (as {@code mtc eval} does), which is faster per sample than one call per sample.
     *
     * @param batch samples of {@link #inputSize()} values each
     * @return one row of {@link #classes()} probabilities per sample
     */
    public float[][] predict(float[][] batch) {
        for (int s = 0; s < batch.length; s++) checkSize(batch[s], s);
        float[][] out = new float[batch.length][];
        int chunk = Math.min(CHUNK, batch.length);
        float[] x = new float[chunk * inputSize];
        float[] probs = new float[chunk * classes];
        for (int from = 0; from < batch.length; from += chunk) {
            int n = Math.min(chunk, batch.length - from);
            for (int s = 0; s < n; s++) System.arraycopy(batch[from + s], 0, x, s * inputSize, inputSize);
            run(x, n, probs);
            for (int s = 0; s < n; s++) out[from + s] = Arrays.copyOfRange(probs, s * classes, (s + 1) * classes);
        }
        return out;
    }

    /**
     * The most likely class of one sample.
     *
     * @param sample {@link #inputSize()} values
     * @return the index of the most probable class (the lowest index on a tie)
     */
    public int classify(float[] sample) {
        float[] probs = predict(sample);
        int best = 0;
        for (int c = 1; c < probs.length; c++) if (probs[c] > probs[best]) best = c;
        return best;
    }

    /**
     * The name of class {@code index}: from the weights' metadata ({@code sneaker}, or {@code 7} for
     * MNIST), else the index itself as text.
     *
     * @param index a class index, from 0 to {@link #classes()} - 1
     * @return the class's name
     */
    public String className(int index) {
        if (index < 0 || index >= classes) {
            throw new IndexOutOfBoundsException("class " + index + " of model " + name + "'s " + classes);
        }
        return names.name(index);
    }

    /**
     * A picture (PNG, JPEG, any size) as a sample of this model, converted as {@code mtc predict}
     * converts it: the way the model's training data was made.
     *
     * @param file the picture
     * @return a sample of {@link #inputSize()} values in [0,1]
     * @throws MtcException when the file cannot be read as a picture, or the model's input is not an image
     */
    public float[] readImage(Path file) {
        try {
            return ImageInput.read(file, ImageInput.target(inputShape), style);
        } catch (DataException e) {
            throw new MtcException("mtc: " + e.getMessage(), e);
        }
    }

    /** @return the model's name ({@code model X} in the file, else from the file name) */
    public String name() { return name; }

    /** @return the shape of one sample, e.g. {@code [784]} or {@code [1, 28, 28]} */
    public List<Integer> inputShape() { return inputShape; }

    /** @return the number of values in one sample */
    public int inputSize() { return inputSize; }

    /** @return the number of classes, the length of each probability row */
    public int classes() { return classes; }

    private void run(float[] x, int n, float[] probs) {
        Network net = pool.take();
        try {
            net.evaluate(x, null, n, probs, null);
        } finally {
            pool.give(net);
        }
    }

    private void checkSize(float[] sample, int index) {
        if (sample == null || sample.length != inputSize) {
            throw new MtcException(String.format(Locale.ROOT, "mtc: %s has %s values, but model %s takes input %s (%d"
                    + " values)", index < 0 ? "the sample" : "sample " + index, sample == null ? "no" : sample.length,
                    name, inputShape.toString().replace(" ", ""), inputSize));
        }
    }
}
