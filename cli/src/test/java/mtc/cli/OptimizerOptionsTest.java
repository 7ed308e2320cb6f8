package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mtc.io.SafetensorsReader;
import mtc.train.Checkpoint;
import mtc.train.OptimizerStateFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtc train} with optimizers and schedules: flags override the file, bad values are usage
 * errors, and a resumed run with optimizer state ends bit for bit where an uninterrupted one does.
 */
class OptimizerOptionsTest {
    @TempDir Path dir;
    private Path model;
    private Path data;

    @BeforeEach
    void tinyRun() throws Exception {
        model = RobustFixtures.tinyModel(dir);
        data = RobustFixtures.tinyData(dir.resolve("data"), 200, 30);
    }

    private CliRun train(String... more) {
        List<String> args = new ArrayList<>(List.of("train", model.toString(), "--data", data.toString(),
                "--batch", "16", "--threads", "1", "--seed", "7"));
        args.addAll(List.of(more));
        return mtc(args.toArray(String[]::new));
    }

    @Test
    void outOfRangeFlagsAreUsageErrors() {
        String[][] cases = {
                {"--momentum", "-0.9"}, {"--weight-decay", "-1"}, {"--optimizer", "rmsprop"},
                {"--optimizer", "adam", "--momentum", "0.9"}, {"--schedule", "step(every=0)"},
                {"--schedule", "cosine(warmup=3)", "--epochs", "3"}, {"--schedule", "linear"},
                {"--schedule", "step(gamma=0.5)"}, {"--schedule", "cosine(min_lr=x)"}};
        for (String[] bad : cases) {
            CliRun run = train(bad);
            assertEquals(Main.USAGE, run.exit(), String.join(" ", bad) + ": " + run.err());
            assertTrue(run.err().startsWith("mtc: --") || run.err().startsWith("mtc: a warm-up"), run.err());
        }
        assertTrue(train("--optimizer", "adam", "--momentum", "0.9").err()
                .startsWith("mtc: --momentum applies to sgd, not adam"));
    }

    @Test
    void flagsOverrideTheFile() throws Exception {
        Files.writeString(model, Files.readString(model) + "optimizer adam(lr = 1e-3)\nschedule cosine\n");
        Path w = dir.resolve("w.safetensors");
        assertEquals(Main.OK, train("--epochs", "1", "--save", w.toString(), "--optimizer", "sgd", "--momentum",
                "0.9", "--weight-decay", "1e-4", "--schedule", "none").exit());
        Checkpoint cp = Checkpoint.fromMetadata(w.toString(), SafetensorsReader.metadata(w));
        assertEquals("sgd lr=0.10000000149011612 momentum=0.9 nesterov=false weight_decay=1.0E-4",
                cp.config().optimizer().text());
        assertEquals("constant", cp.config().schedule().text());
    }

    @Test
    void momentumRunResumesExactly() throws Exception {
        resumesExactly(1, "--optimizer", "sgd", "--momentum", "0.9", "--schedule", "cosine");
    }

    /** Step decay and warm-up do not depend on the run's length, so the first part may be 2 of 3 epochs. */
    @Test
    void adamwRunWithWarmupResumesExactly() throws Exception {
        resumesExactly(2, "--optimizer", "adamw", "--schedule", "step(every=1, gamma=0.5, warmup=1)");
    }

    private void resumesExactly(int firstPart, String... optimizer) throws Exception {
        Path straight = dir.resolve("straight.safetensors"), resumed = dir.resolve("resumed.safetensors");
        assertEquals(Main.OK, train(with(optimizer, "--epochs", "3", "--save", straight.toString())).exit());
        assertEquals(Main.OK, train(with(optimizer, "--epochs", String.valueOf(firstPart), "--save",
                resumed.toString())).exit());
        CliRun run = mtc("train", model.toString(), "--data", data.toString(), "--threads", "1",
                "--resume", resumed.toString(), "--epochs", "3");
        assertEquals(Main.OK, run.exit(), run.err());
        assertArrayEquals(ResumeTest.tensorBytes(straight), ResumeTest.tensorBytes(resumed));
        assertArrayEquals(ResumeTest.tensorBytes(stateFile(straight)), ResumeTest.tensorBytes(stateFile(resumed)));
    }

    @Test
    void aStateFileOfAnotherCheckpointIsRefused() throws Exception {
        Path a = dir.resolve("a.safetensors"), b = dir.resolve("b.safetensors");
        assertEquals(Main.OK, train("--epochs", "1", "--save", a.toString(), "--optimizer", "adam").exit());
        assertEquals(Main.OK, train("--epochs", "1", "--save", b.toString(), "--optimizer", "adam").exit());
        assertNotEquals(stateFile(a).getFileName(), null);
        Files.copy(stateFile(b), stateFile(a), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun run = mtc("train", model.toString(), "--data", data.toString(), "--resume", a.toString(),
                "--epochs", "2");
        assertEquals(Main.INPUT_ERROR, run.exit(), run.err());
        assertEquals("mtc: " + stateFile(a) + ": optimizer state of another checkpoint than " + a + " (the two were"
                + " not saved together); resume from a pair that mtc saved together\n", run.err());
        assertEquals(Main.OK, train("--epochs", "1", "--init", a.toString(), "--optimizer", "adam").exit(),
                "--init takes the weights alone");
    }

    private static Path stateFile(Path weights) throws Exception {
        return weights.resolveSibling(SafetensorsReader.metadata(weights).get(OptimizerStateFile.FILE_KEY));
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
