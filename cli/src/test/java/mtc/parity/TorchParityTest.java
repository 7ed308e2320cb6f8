package mtc.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.io.SafetensorsWriter;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.TensorSpec;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch parity: from the same initial weights and the same three MNIST batches, three SGD steps
 * in mtc give PyTorch's weights, running statistics, losses and eval-mode outputs to float32
 * rounding, and the file mtc saves has the header PyTorch's state dict has. The fixtures under
 * {@code resources/parity} come from {@code tools/torch/make_parity_fixtures.py} (see its README),
 * so this test needs no PyTorch.
 */
class TorchParityTest {
    /**
     * Per element, |mtc - torch| may be this fraction of the tensor's largest magnitude. A float32
     * PyTorch run lies about 2e-7 of that from a float64 run of the same steps (the script prints it
     * per tensor); two float32 runs summing in different orders (OpenBLAS against mtc's kernels) lie
     * about as far apart, so 1e-5 leaves a 50x margin. It still catches wrong gradients: three steps
     * move {@code 0.weight} by a quarter of its scale, so a gradient off by 4e-5 of itself fails.
     */
    private static final double WEIGHT_TOLERANCE = 1e-5;
    /** Losses are about 2; float32 rounding of a mean over 64 log-softmax terms is about 1e-7 of that. */
    private static final double LOSS_TOLERANCE = 1e-5;
    /** Eval-mode softmax probabilities, absolute: they lie in [0,1], with the noise of the weights. */
    private static final double PROB_TOLERANCE = 1e-5;
    private static final int STEPS = Batches.COUNT;
    private static final int BATCH = Batches.SIZE;
    private static final float LR = 0.1f;

    /** A model of the fixtures: its folder name and its .mt text (layer indices as in nn.Sequential). */
    private record Case(String name, String source) {}

    /**
     * A tensor may also differ from PyTorch's float32 result by this many times PyTorch's own float32
     * rounding error (its distance from the float64 run of the same steps, {@code after64}). In a
     * deep model that error is large where sums cancel: 4e-4 of the scale of a weight behind seven
     * batch norms in the resnet fixture, 2.5e-3 on a norm's bias. mtc, summing in another order, lies
     * about as far from PyTorch's float32 run as that run lies from the exact answer.
     */
    private static final double NOISE_FACTOR = 3;

    private static final List<Case> CASES = List.of(
            new Case("mlp", """
                    model ParityMlp
                    linear(784, 256) -> batchnorm -> relu -> dropout(0.0) -> linear(256, 10)
                    """),
            new Case("bn2d", """
                    model ParityBn2d
                    input [4, 14, 14]
                    batchnorm -> relu -> flatten -> linear(784, 10)
                    """),
            new Case("lenet5", """
                    model ParityLeNet5
                    input [1, 28, 28]
                    conv2d(1, 6, 5, padding=2) -> relu -> maxpool2d(2) -> conv2d(6, 16, 5) -> relu -> maxpool2d(2)
                      -> flatten -> linear(400, 120) -> relu -> linear(120, 84) -> relu -> linear(84, 10)
                    """),
            new Case("bnnet", """
                    model ParityBnNet
                    input [1, 28, 28]
                    conv2d(1, 32, 3, padding=1) -> batchnorm -> relu -> maxpool2d(2)
                      -> conv2d(32, 64, 3, padding=1) -> batchnorm -> relu -> maxpool2d(2)
                      -> flatten -> linear(3136, 128) -> relu -> linear(128, 10)
                    """),
            new Case("resnet", """
                    model ParityResNet
                    block basic(c) = conv2d(c, 3, padding=1) -> batchnorm -> relu
                                  -> conv2d(c, 3, padding=1) -> batchnorm
                    block down(c)  = conv2d(c, 3, stride=2, padding=1) -> batchnorm -> relu
                                  -> conv2d(c, 3, padding=1) -> batchnorm
                    input [1, 28, 28]
                    conv2d(16, 3, padding=1) -> batchnorm -> relu
                      -> residual(basic(16)) -> relu -> residual(basic(16)) -> relu
                      -> residual(down(32), shortcut = conv2d(32, 1, stride=2) -> batchnorm) -> relu
                      -> global_avgpool -> flatten -> linear(10)
                    """),
            new Case("windows", """
                    model ParityWindows
                    input [1, 28, 28]
                    conv2d(1, 5, [3, 4], stride=[2, 1], padding=[1, 2], dilation=[1, 2]) -> relu
                      -> maxpool2d(3, stride=2, padding=1) -> conv2d(5, 6, 4, padding=same, bias=false)
                      -> avgpool2d(2, padding=1) -> conv2d(6, 7, 1) -> global_avgpool -> flatten -> linear(7, 10)
                    """));

    /**
     * tanh, sigmoid, gelu and leaky_relu between linear layers (the kernels alone are compared
     * with PyTorch's in {@link ActivationKernelsParityTest}). Waits for the compiler's activation
     * layers (issue 11); then it joins {@link #CASES}.
     */
    private static final Case ACTIVATIONS = new Case("activations", """
            model ParityActivations
            input [784]
            linear(784, 64) -> tanh -> linear(64) -> sigmoid -> linear(64) -> gelu -> linear(64)
              -> leaky_relu(slope = 0.1) -> linear(10)
            """);

    /** mtc's network after the three steps, with the loss of each step. */
    private record Trained(Network net, float[] losses) {}

    @TempDir
    Path temp;

    private final Map<String, Trained> trained = new HashMap<>();

    @TestFactory
    Stream<DynamicNode> matchesPyTorch() {
        return Stream.concat(CASES.stream(), Stream.of(ACTIVATIONS)).map(this::checks);
    }

    private DynamicNode checks(Case c) {
        return DynamicContainer.dynamicContainer(c.name(), Stream.of(
                dynamicTest("state after three SGD steps", () -> checkState(c)),
                dynamicTest("loss of each step", () -> checkLosses(c)),
                dynamicTest("eval-mode softmax after training", () -> checkEvalProbs(c)),
                dynamicTest("saved file has PyTorch's header and mtc's values", () -> checkSavedFile(c))));
    }

    private void checkState(Case c) throws Exception {
        Network net = trained(c).net();
        FixtureTensors torch = FixtureTensors.load(fixture(c, "after"), net.spec().tensors());
        FixtureTensors exact = FixtureTensors.load(fixture(c, "after64"), net.spec().tensors());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < net.spec().tensors().size(); i++) {
            TensorSpec t = net.spec().tensors().get(i);
            if (t.dtype() == DType.I64) {
                assertArrayEquals(torch.longs(i), net.longs(i), t.name());
                continue;
            }
            Closeness d = Closeness.of(t.name(), net.floats(i), torch.floats(i));
            double noise = Closeness.of(t.name(), torch.floats(i), exact.floats(i)).maxDiff();
            if (!(d.relative() <= WEIGHT_TOLERANCE || d.maxDiff() <= NOISE_FACTOR * noise)) failures.add(d.describe());
        }
        assertTrue(failures.isEmpty(), c.name() + " differs from PyTorch after " + STEPS + " steps:\n"
                + String.join("\n", failures));
    }

    private void checkLosses(Case c) throws Exception {
        float[] expected = expected(c).floats("losses");
        Closeness d = Closeness.of("losses", trained(c).losses(), expected);
        assertTrue(d.relative() <= LOSS_TOLERANCE, d.describe() + "; mtc " + Arrays.toString(trained(c).losses())
                + ", torch " + Arrays.toString(expected));
    }

    private void checkEvalProbs(Case c) throws Exception {
        Network net = trained(c).net();
        Batches batches = Batches.load();
        float[] probs = new float[BATCH * net.spec().classes()];
        net.evaluate(batches.x(0), batches.labels(0), BATCH, probs, new StepStats());
        Closeness d = Closeness.of("eval_probs", probs, expected(c).floats("eval_probs"));
        assertTrue(d.maxDiff() <= PROB_TOLERANCE, d.describe());
    }

    private void checkSavedFile(Case c) throws Exception {
        Network net = trained(c).net();
        Path saved = temp.resolve(c.name() + ".safetensors");
        SafetensorsWriter.save(saved, net);
        assertEquals(HeaderEntries.read(fixture(c, "after")), HeaderEntries.read(saved),
                "tensor names, dtypes, shapes and offsets of mtc's file against PyTorch's");
        FixtureTensors reread = FixtureTensors.load(saved, net.spec().tensors());
        for (int i = 0; i < net.spec().tensors().size(); i++) {
            TensorSpec t = net.spec().tensors().get(i);
            if (t.dtype() == DType.I64) assertArrayEquals(net.longs(i), reread.longs(i), t.name());
            else assertArrayEquals(net.floats(i), reread.floats(i), t.name());
        }
    }

    private Trained trained(Case c) throws Exception {
        Trained t = trained.get(c.name());
        if (t == null) {
            t = train(c, temp);
            trained.put(c.name(), t);
        }
        return t;
    }

    /** Compiles the model, loads PyTorch's initial weights and runs the three steps. */
    private static Trained train(Case c, Path folder) throws Exception {
        Network net = compile(c, folder);
        SafetensorsReader.load(fixture(c, "init"), net);
        Batches batches = Batches.load();
        Rng rng = new Rng(0);
        float[] losses = new float[STEPS];
        for (int s = 0; s < STEPS; s++) {
            StepStats stats = new StepStats();
            net.trainStep(batches.x(s), batches.labels(s), BATCH, LR, rng, stats);
            losses[s] = (float) stats.meanLoss();
        }
        return new Trained(net, losses);
    }

    /**
     * The model as {@code mtc train} gets it: the .mt file compiled in memory by {@link ModelLoader}.
     * Its warnings are kept out of the test log: {@code dropout(0.0)} warns that it does nothing,
     * which is why it is there (it keeps the layer indices of the seed model).
     */
    private static Network compile(Case c, Path folder) throws Exception {
        Path source = folder.resolve(c.name() + ".mt");
        Files.writeString(source, c.source());
        return ModelLoader.load(source, new PrintStream(OutputStream.nullOutputStream()));
    }

    private static FixtureTensors expected(Case c) throws Exception {
        List<TensorSpec> specs = List.of(new TensorSpec("losses", DType.F32, List.of(STEPS)),
                new TensorSpec("eval_probs", DType.F32, List.of(BATCH, 10)));
        return FixtureTensors.load(fixture(c, "expected"), specs);
    }

    static Path fixture(String relative) throws IOException {
        try {
            var url = TorchParityTest.class.getResource("/parity/" + relative);
            if (url == null) throw new IOException("missing test resource parity/" + relative);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static Path fixture(Case c, String file) throws IOException {
        return fixture(c.name() + "/" + file + ".safetensors");
    }
}
