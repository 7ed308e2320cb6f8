package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.io.SafetensorsWriter;
import mtc.train.Checkpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --save} checkpoints and {@code --resume}: a resumed run ends exactly where an uninterrupted one does. */
class ResumeTest {
    @TempDir Path dir;
    private Path model;
    private Path data;

    @BeforeEach
    void tinyRun() throws Exception {
        model = RobustFixtures.tinyModel(dir);
        data = RobustFixtures.tinyData(dir.resolve("data"), 200, 30);
    }

    private CliRun train(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", model.toString(), "--data", data.toString(),
                "--batch", "16", "--threads", "1", "--seed", "7"));
        args.addAll(List.of(more));
        return mtc(args.toArray(String[]::new));
    }

    @Test
    void oneEpochThenResumeToThreeEqualsThreeInOneGo() throws Exception {
        Path straight = dir.resolve("straight.safetensors"), resumed = dir.resolve("resumed.safetensors");
        assertEquals(Main.OK, train("--epochs", "3", "--save", straight.toString(), "--metrics",
                dir.resolve("straight.csv").toString()).exit());
        assertEquals(Main.OK, train("--epochs", "1", "--save", resumed.toString()).exit());
        CliRun run = mtc("train", model.toString(), "--data", data.toString(), "--threads", "1",
                "--resume", resumed.toString(), "--epochs", "3", "--metrics", dir.resolve("resumed.csv").toString());
        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals("resuming " + resumed + " at epoch 2/3", run.out().lines().toList().get(1));
        assertTrue(run.out().contains("epoch 3/3") && !run.out().contains("epoch 1/3"), run.out());
        assertArrayEquals(tensorBytes(straight), tensorBytes(resumed));
        assertEquals(TrainCommandTest.withoutTimes(dir.resolve("straight.csv")),
                TrainCommandTest.withoutTimes(dir.resolve("resumed.csv")));
        assertEquals(4, Checkpoint.fromMetadata("", SafetensorsReader.metadata(resumed)).position().epoch());
    }

    @Test
    void theMetricsFileAndThePlotGoOnThroughAResumeThatLeavesThemOut() throws Exception {
        Path w = dir.resolve("w.safetensors"), csv = dir.resolve("m.csv"), png = dir.resolve("m.png");
        assertEquals(Main.OK, train("--epochs", "1", "--save", w.toString(), "--metrics", csv.toString(),
                "--plot", png.toString()).exit());
        Files.delete(png);
        CliRun run = mtc("train", model.toString(), "--data", data.toString(), "--resume", w.toString(), "--epochs",
                "3");
        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals("resuming " + w + " at epoch 2/3; metrics go on in " + csv.toAbsolutePath()
                + "; the plot goes on in " + png.toAbsolutePath(), run.out().lines().toList().get(1));
        assertEquals(List.of(1, 2, 3), mtc.cli.plot.MetricsFiles.read(csv).epochs().stream()
                .map(mtc.train.EpochResult::epoch).toList(), "the CSV keeps every epoch");
        assertTrue(Files.size(png) > 0, "the plot is drawn again");
    }

    @Test
    void checkpointsAreWrittenAfterEveryEpochAndLoadAsPlainWeights() throws Exception {
        Path w = dir.resolve("w.safetensors");
        assertEquals(Main.OK, train("--epochs", "2", "--save", w.toString()).exit());
        Checkpoint cp = Checkpoint.fromMetadata(w.toString(), SafetensorsReader.metadata(w));
        assertEquals(3, cp.position().epoch());
        assertEquals(2, cp.metricsRows().size());
        assertEquals(7, cp.seed());
        assertEquals(Main.OK, mtc("eval", model.toString(), "--weights", w.toString(), "--data", data.toString())
                .exit());
    }

    @Test
    void resumeRefusesWhatWouldNotContinueTheSameRun() throws Exception {
        Path w = dir.resolve("w.safetensors");
        assertEquals(Main.OK, train("--epochs", "1", "--save", w.toString()).exit());
        assertRefused(w + ": the run has finished 1 of 1 epochs; give --epochs more than 1 to train further",
                "--resume", w.toString());
        assertRefused(w + ": cannot resume with other settings than the run had: --batch 32 (the run used 16), --lr"
                + " 0.5 (the run used 0.1); leave these options out to continue the run as it was", "--resume",
                w.toString(), "--epochs", "2", "--batch", "32", "--lr", "0.5");
        Path plain = dir.resolve("plain.safetensors");
        SafetensorsWriter.save(plain, ModelLoader.load(model));
        assertRefused(plain + ": holds weights but no training state, so there is no run to resume; use --init "
                + plain + " to start a new run from these weights", "--resume", plain.toString());
        Path other = Files.writeString(dir.resolve("other.mt"), Files.readString(model).replace("Tiny", "Other"));
        CliRun run = mtc("train", other.toString(), "--data", data.toString(), "--resume", w.toString(),
                "--epochs", "2");
        assertEquals("mtc: " + w + ": checkpoint of model Tiny, not Other\n", run.err());
        data = RobustFixtures.tinyData(dir.resolve("less"), 100, 30);
        assertRefused(w + ": the run trained on 200 samples, but the data now gives 100: resume with the same data"
                + " (and --limit)", "--resume", w.toString(), "--epochs", "2");
    }

    private void assertRefused(String message, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("train", model.toString(), "--data", data.toString()));
        all.addAll(List.of(args));
        CliRun run = mtc(all.toArray(String[]::new));
        assertEquals(Main.INPUT_ERROR, run.exit(), run.err());
        assertEquals("mtc: " + message + "\n", run.err());
    }

    @Test
    void aDivergingRunStopsInThatBatchAndKeepsTheLastCheckpoint() throws Exception {
        Path w = dir.resolve("w.safetensors");
        assertEquals(Main.OK, train("--epochs", "1", "--save", w.toString()).exit());
        byte[] before = Files.readAllBytes(w);
        CliRun run = train("--epochs", "1", "--save", w.toString(), "--lr", "1e30");
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.err().startsWith("mtc: training diverged: the loss of epoch 1, batch "), run.err());
        assertTrue(run.err().contains("; try a smaller learning rate than --lr 1000000000000000000000000000000 (e.g."),
                run.err());
        assertArrayEquals(before, Files.readAllBytes(w));
    }

    /** The data section of a safetensors file: the weights, without the header and its timings. */
    static byte[] tensorBytes(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        long header = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return Arrays.copyOfRange(all, 8 + (int) header, all.length);
    }
}
