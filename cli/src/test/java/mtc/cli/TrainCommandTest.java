package mtc.cli;

import static mtc.cli.CliRun.mtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import mtc.data.MnistFiles;
import mtc.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TrainCommandTest {
    static final Path MODEL = Path.of("../examples/mnist.mt");

    @TempDir Path dir;

    /** A data folder with the first {@code train} and {@code test} samples of the real MNIST. */
    public static Path smallMnist(Path dir, int train, int test) throws IOException {
        copyPrefix(dir, MnistFiles.TRAIN_IMAGES, 784, train);
        copyPrefix(dir, MnistFiles.TRAIN_LABELS, 1, train);
        copyPrefix(dir, MnistFiles.TEST_IMAGES, 784, test);
        copyPrefix(dir, MnistFiles.TEST_LABELS, 1, test);
        return dir;
    }

    private static void copyPrefix(Path dir, String name, int sampleBytes, int count) throws IOException {
        byte[] all;
        try (var in = new GZIPInputStream(Files.newInputStream(SharedData.mnist().resolve(name + ".gz")))) {
            all = in.readAllBytes();
        }
        int header = sampleBytes == 1 ? 8 : 16;
        byte[] part = Arrays.copyOf(all, header + count * sampleBytes);
        ByteBuffer.wrap(part).putInt(4, count);
        Files.write(dir.resolve(name), part);
    }

    @Test
    void nonsensicalOptionValuesAreUsageErrors() {
        for (List<String> bad : List.of(List.of("--batch", "0"), List.of("--epochs", "-1"), List.of("--lr", "0"),
                List.of("--lr", "-0.5"), List.of("--lr", "NaN"), List.of("--lr", "1e39"), List.of("--threads", "0"),
                List.of("--limit", "0"),
                List.of("--frobnicate"), List.of("--batch", "many"))) {
            String[] args = concat(List.of("train", MODEL.toString()), bad);
            CliRun run = mtc(args);
            assertEquals(Main.USAGE, run.exit(), bad.toString());
            assertTrue(run.err().contains("\nmtc train [-hV]"), run.err());
        }
        CliRun run = mtc("train", MODEL.toString(), "--batch", "0");
        assertTrue(run.err().startsWith("mtc: --batch must be at least 1, got 0"), run.err());
    }

    @Test
    void missingModelArgumentIsAUsageError() {
        assertEquals(Main.USAGE, mtc("train").exit());
    }

    @Test
    void aMissingModelFileIsAnInputError() {
        CliRun run = mtc("train", dir.resolve("none.mt").toString(), "--data", dir.toString());
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.err().contains("none.mt"), run.err());
    }

    @Test
    void anUnwritableSavePathFailsBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun run = mtc("train", MODEL.toString(), "--save", file.resolve("w.safetensors").toString());
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertEquals("mtc: " + file.resolve("w.safetensors") + " (--save): cannot write there, " + file
                + " is not a writable folder\n", run.err());
        run = mtc("train", MODEL.toString(), "--metrics", dir.toString());
        assertEquals("mtc: " + dir + " (--metrics) is a folder, not a file\n", run.err());
    }

    @Test
    void aDataFolderWithoutMnistIsAnInputErrorNamingIt() {
        CliRun run = mtc("train", MODEL.toString(), "--data", dir.toString());
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertEquals("mtc: " + dir + ": no train-images-idx3-ubyte (nor train-images-idx3-ubyte.gz) in this folder\n",
                run.err());
    }

    @Test
    void truncatedDataIsAnInputErrorNamingTheFile() throws Exception {
        Path data = smallMnist(dir, 100, 50);
        Path labels = data.resolve(MnistFiles.TEST_LABELS);
        Files.write(labels, Arrays.copyOf(Files.readAllBytes(labels), 30));
        CliRun run = mtc("train", MODEL.toString(), "--data", data.toString());
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.err().startsWith("mtc: " + labels + ": truncated"), run.err());
    }

    @Test
    void wrongInitialWeightsNameTheTensor() throws Exception {
        Path weights = dir.resolve("w.safetensors");
        Files.write(weights, new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '});
        CliRun run = mtc("train", MODEL.toString(), "--data", smallMnist(dir, 100, 50).toString(), "--init",
                weights.toString());
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.err().startsWith("mtc: " + weights + ": these weights do not fit model Mnist (9 problems, the "
                + "first 3 below)\n  tensor '0.weight' is missing (expected F32 [256,784])\n"), run.err());
    }

    /** The last line ends with the command's wall time and its phases, which add up to it. */
    private static void assertPhasesAddUp(String line) {
        Matcher m = Pattern.compile("; wall (\\d+\\.\\d\\d) s: start-up (\\d+\\.\\d\\d), data (\\d+\\.\\d\\d), "
                + "warm-up (\\d+\\.\\d\\d), training (\\d+\\.\\d\\d), evaluation (\\d+\\.\\d\\d)$").matcher(line);
        assertTrue(m.find(), line);
        double phases = 0;
        for (int g = 2; g <= 6; g++) phases += Double.parseDouble(m.group(g));
        assertEquals(Double.parseDouble(m.group(1)), phases, 0.03, line);
    }

    @Test
    void trainsSavesAndWritesMetricsReproducibly() throws Exception {
        Path data = smallMnist(dir, 300, 100);
        String[] common = {"train", MODEL.toString(), "--data", data.toString(), "--epochs", "2", "--batch", "32",
                "--threads", "1"};
        CliRun first = mtc(concat(List.of(common), List.of("--save", dir.resolve("w.safetensors").toString(),
                "--metrics", dir.resolve("m1.csv").toString())));
        assertEquals(Main.OK, first.exit(), first.err());
        List<String> lines = first.out().lines().toList();
        assertTrue(lines.get(0).startsWith("training Mnist on 300 samples (test 100) from "), lines.get(0));
        assertTrue(lines.get(1).startsWith("epoch 1/2  train loss "), lines.get(1));
        assertTrue(lines.get(3).startsWith("trained 2 epochs in ") && lines.get(3).contains("; weights saved to "
                + dir.resolve("w.safetensors") + "; wall "), lines.get(3));
        assertPhasesAddUp(lines.get(3));
        assertTrue(Files.size(dir.resolve("w.safetensors")) > 800_000);
        assertEquals(Main.OK, mtc(concat(List.of(common), List.of("--metrics", dir.resolve("m2.csv").toString())))
                .exit());
        assertEquals(withoutTimes(dir.resolve("m1.csv")), withoutTimes(dir.resolve("m2.csv")));
    }

    @Test
    void plainProgressLinesAppearOnlyInsideSlowEpochs() {
        java.io.StringWriter text = new java.io.StringWriter();
        mtc.runtime.StepStats stats = new mtc.runtime.StepStats();
        stats.lossSum = 5;
        stats.correct = 9;
        stats.samples = 10;
        ProgressLines everyBatch = new ProgressLines(new java.io.PrintWriter(text), 0);
        everyBatch.epochStarted(2, 3, 20);
        everyBatch.batchFinished(10, stats);
        everyBatch.batchFinished(20, stats);
        assertEquals("  epoch 2/3: 10/20 samples (50%), loss 0.5000 acc 90.00%" + System.lineSeparator(),
                text.toString());
        ProgressLines quiet = new ProgressLines(new java.io.PrintWriter(text), Long.MAX_VALUE);
        quiet.epochStarted(1, 1, 20);
        quiet.batchFinished(10, stats);
        assertEquals(1, text.toString().lines().count());
    }

    /** The CSV without its two timing columns, which differ from run to run. */
    static List<String> withoutTimes(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, nthComma(l, 5))).toList();
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) at = s.indexOf(',', at + 1);
        return at;
    }

    static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
