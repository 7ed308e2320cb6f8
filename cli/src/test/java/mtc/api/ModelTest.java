package mtc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import mtc.cli.CliRun;
import mtc.cli.Main;
import mtc.cli.TrainCommandTest;
import mtc.data.Dataset;
import mtc.data.DatasetReader;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.runtime.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {
    private static final Path MODEL = Path.of("../examples/mnist.mt");
    private static final int TEST = 100;

    @TempDir static Path dir;
    private static Path weights;
    private static Dataset test;

    /** Weights trained for one epoch on 300 MNIST samples by {@code mtc train}, and 100 test samples. */
    @BeforeAll
    static void train() throws Exception {
        Path data = TrainCommandTest.smallMnist(Files.createDirectories(dir.resolve("data")), 300, TEST);
        weights = dir.resolve("w.safetensors");
        CliRun run = CliRun.mtc("train", MODEL.toString(), "--data", data.toString(), "--epochs", "1",
                "--save", weights.toString());
        assertEquals(Main.OK, run.exit(), run.err());
        test = DatasetReader.test(data);
    }

    private static float[][] samples() {
        float[][] x = new float[TEST][784];
        for (int s = 0; s < TEST; s++) {
            for (int i = 0; i < 784; i++) x[s][i] = (test.pixels()[s * 784 + i] & 0xFF) / 255f;
        }
        return x;
    }

    /** Test sample {@code index} as a grey PNG. */
    private static Path png(Path file, int index) throws Exception {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 784; i++) {
            img.getRaster().setSample(i % 28, i / 28, 0, test.pixels()[index * 784 + i] & 0xFF);
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void batchProbabilitiesAreThoseOfTheEvaluationMtcEvalRuns() throws Exception {
        Network net = ModelLoader.load(MODEL);
        SafetensorsReader.load(weights, net);
        float[] x = new float[TEST * 784];
        int[] y = new int[TEST];
        test.copyRange(0, TEST, x, y);
        float[] expected = new float[TEST * 10];
        net.evaluate(x, null, TEST, expected, null);

        float[][] probs = Model.load(MODEL, weights).predict(samples());
        assertEquals(TEST, probs.length);
        for (int s = 0; s < TEST; s++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, s * 10, s * 10 + 10), probs[s], "sample " + s);
        }
    }

    @Test
    void classifyingEverySampleGivesTheAccuracyMtcEvalPrints() {
        Model model = Model.load(MODEL, weights);
        float[][] x = samples();
        int correct = 0;
        for (int s = 0; s < TEST; s++) {
            float[] one = model.predict(x[s]);
            float sum = 0;
            for (float p : one) sum += p;
            assertEquals(1f, sum, 1e-5f);
            if (model.classify(x[s]) == test.labels()[s]) correct++;
        }
        CliRun eval = CliRun.mtc("eval", MODEL.toString(), "--weights", weights.toString(), "--data",
                dir.resolve("data").toString());
        assertTrue(eval.out().contains("(" + correct + " of " + TEST + " correct)"), eval.out());
    }

    @Test
    void classNamesComeFromTheWeights() {
        Model model = Model.load(MODEL, weights);
        assertEquals("7", model.className(7));
        assertEquals(10, model.classes());
        assertEquals(List.of(784), model.inputShape());
        assertThrows(IndexOutOfBoundsException.class, () -> model.className(10));
    }

    @Test
    void concurrentPredictionsEqualSerialOnes() throws Exception {
        Model model = Model.load(MODEL, weights);
        float[][] x = samples();
        float[][] serial = new float[TEST][];
        for (int s = 0; s < TEST; s++) serial[s] = model.predict(x[s]);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int shift = t;
                runs.add(pool.submit(() -> {
                    float[][] out = new float[TEST][];
                    for (int k = 0; k < TEST; k++) {
                        int s = (k + 13 * shift) % TEST;
                        out[s] = model.predict(x[s]);
                    }
                    return out;
                }));
            }
            for (Future<float[][]> run : runs) {
                float[][] out = run.get();
                for (int s = 0; s < TEST; s++) assertArrayEquals(serial[s], out[s], "sample " + s);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBrokenModelGivesTheMessageTheCommandPrints() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.mt"), "input [784]\nlinear(784, 10) -> relu -> linear(20, 10)\n");
        MtcException e = assertThrows(MtcException.class, () -> Model.load(bad, weights));
        CliRun cli = CliRun.mtc("eval", bad.toString(), "--weights", weights.toString());
        assertEquals(Main.INPUT_ERROR, cli.exit());
        assertEquals(cli.err(), e.getMessage() + "\n");
        assertTrue(e.getMessage().startsWith(bad + ":2:"), e.getMessage());
    }

    @Test
    void missingOrForeignWeightsGiveTheMessageTheCommandPrints() throws Exception {
        for (Path w : List.of(dir.resolve("gone.safetensors"), Files.write(dir.resolve("short.safetensors"),
                new byte[] {1, 2}))) {
            MtcException e = assertThrows(MtcException.class, () -> Model.load(MODEL, w));
            CliRun cli = CliRun.mtc("eval", MODEL.toString(), "--weights", w.toString());
            assertEquals(cli.err(), e.getMessage() + "\n");
            assertTrue(e.getMessage().startsWith("mtc: " + w + ": "), e.getMessage());
        }
    }

    @Test
    void aSampleOfTheWrongSizeIsRefused() {
        Model model = Model.load(MODEL, weights);
        MtcException e = assertThrows(MtcException.class, () -> model.predict(new float[10]));
        assertEquals("mtc: the sample has 10 values, but model Mnist takes input [784] (784 values)", e.getMessage());
        e = assertThrows(MtcException.class, () -> model.predict(new float[][] {new float[784], new float[3]}));
        assertEquals("mtc: sample 1 has 3 values, but model Mnist takes input [784] (784 values)", e.getMessage());
        assertEquals(0, model.predict(new float[0][]).length);
    }

    @Test
    void aPictureIsReadAsMtcPredictReadsIt() throws Exception {
        Model model = Model.load(MODEL, weights);
        Path png = png(dir.resolve("digit.png"), 0);
        float[] x = model.readImage(png);
        assertEquals(784, x.length);
        CliRun predict = CliRun.mtc("predict", MODEL.toString(), "--weights", weights.toString(),
                "--top", "1", png.toString());
        assertTrue(predict.out().startsWith(png + ": " + model.classify(x) + " ("), predict.out());
        MtcException e = assertThrows(MtcException.class, () -> model.readImage(dir.resolve("none.png")));
        assertEquals("mtc: " + dir.resolve("none.png") + ": no such file", e.getMessage());
    }
}
