package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.runtime.Network;
import mtc.train.Checkpoint;
import mtc.train.OptimizerStateFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a real {@code mtc train} process: Ctrl-C saves a checkpoint that resumes to exactly the
 * weights of an uninterrupted run, and {@code kill -9} at any moment leaves the last checkpoint
 * whole, with no temporary file that outlives the next run.
 */
class InterruptTest {
    @TempDir Path dir;
    private Path model;
    private Path data;

    @BeforeEach
    void tinyRun() throws Exception {
        model = RobustFixtures.tinyModel(dir);
        data = RobustFixtures.tinyData(dir.resolve("data"), 2000, 30);
    }

    /** A training process whose stdout is read as it comes; {@code firstEpoch} completes at its first epoch line. */
    private record Training(Process process, CompletableFuture<Void> firstEpoch, CompletableFuture<String> out) {}

    private Training train(Path save, String... more) throws Exception {
        return train(model, save, more);
    }

    private Training train(Path model, Path save, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("train", model.toString(), "--data", data.toString(),
                "--epochs", "100000", "--batch", "16", "--threads", "1", "--seed", "3", "--save", save.toString()));
        args.addAll(List.of(more));
        Process p = RobustFixtures.startTraining(args.toArray(String[]::new));
        CompletableFuture<Void> firstEpoch = new CompletableFuture<>();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    text.append(line).append("\n");
                    if (line.startsWith("epoch ")) firstEpoch.complete(null);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            firstEpoch.complete(null);
            return text.toString();
        });
        return new Training(p, firstEpoch, out);
    }

    @Test
    void ctrlCSavesACheckpointThatResumesToTheUninterruptedWeights() throws Exception {
        Path w = dir.resolve("ckpt.safetensors");
        Training t = train(w);
        t.firstEpoch().get(60, TimeUnit.SECONDS);
        String signal = sigintIgnored() ? "TERM" : "INT";
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(t.process().pid())).start().waitFor());
        CliRun run = RobustFixtures.finish(t.process(), t.out());
        assertEquals(signal.equals("INT") ? 130 : 143, run.exit(), run.err());
        String last = run.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("mtc: interrupted ") && last.endsWith("; checkpoint saved to " + w
                + "; continue with: mtc train " + model + " --data " + data + " --resume " + w), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        int epoch = Checkpoint.fromMetadata(w.toString(), SafetensorsReader.metadata(w)).position().epoch();
        CliRun resumed = mtc("train", model.toString(), "--data", data.toString(), "--threads", "1",
                "--resume", w.toString(), "--epochs", String.valueOf(epoch));
        assertEquals(Main.OK, resumed.exit(), resumed.err());
        Path straight = dir.resolve("straight.safetensors");
        assertEquals(Main.OK, mtc("train", model.toString(), "--data", data.toString(), "--epochs",
                String.valueOf(epoch), "--batch", "16", "--threads", "1", "--seed", "3", "--save", straight.toString())
                .exit());
        assertArrayEquals(ResumeTest.tensorBytes(straight), ResumeTest.tensorBytes(w));
    }

    /**
     * A wide layer (4.8 MB of weights) trained on one batch per epoch spends most of its time saving,
     * so that most kills land while the checkpoint is being written.
     */
    @Test
    void killMinus9AtAnyMomentLeavesTheLastCheckpointWhole() throws Exception {
        killMinus9AtAnyMoment();
    }

    /** With Adam, weights and moments are two files: after any kill, the weights name a whole state file of their own. */
    @Test
    void killMinus9AtAnyMomentLeavesWeightsAndOptimizerStateThatMatch() throws Exception {
        killMinus9AtAnyMoment("--optimizer", "adam");
    }

    private void killMinus9AtAnyMoment(String... optimizer) throws Exception {
        Path w = dir.resolve("ckpt.safetensors");
        Path model = Files.writeString(dir.resolve("wide.mt"), Files.readString(this.model).replace("16", "1500"));
        List<String> first = new java.util.ArrayList<>(List.of("train", model.toString(), "--data", data.toString(),
                "--epochs", "1", "--limit", "16", "--save", w.toString()));
        first.addAll(List.of(optimizer));
        assertEquals(Main.OK, mtc(first.toArray(String[]::new)).exit());
        List<String> more = new java.util.ArrayList<>(List.of("--limit", "16"));
        more.addAll(List.of(optimizer));
        for (int delayMillis : new int[] {0, 150, 400}) {
            Training t = train(model, w, more.toArray(String[]::new));
            t.firstEpoch().get(60, TimeUnit.SECONDS);
            Thread.sleep(delayMillis);
            t.process().destroyForcibly();
            assertEquals(137, t.process().waitFor(), "killed by SIGKILL");
            assertWhole(model, w);
        }
        int epoch = Checkpoint.fromMetadata(w.toString(), SafetensorsReader.metadata(w)).position().epoch();
        assertEquals(Main.OK, mtc("train", model.toString(), "--data", data.toString(), "--resume", w.toString(),
                "--epochs", String.valueOf(epoch + 1)).exit());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    private static void assertWhole(Path model, Path w) throws Exception {
        Network net = ModelLoader.load(model);
        SafetensorsReader.load(w, net);
        Map<String, String> metadata = SafetensorsReader.metadata(w);
        Checkpoint cp = Checkpoint.fromMetadata(w.toString(), metadata);
        if (cp.config().optimizer().plain()) return;
        net.useOptimizer(cp.config().optimizer());
        OptimizerStateFile.load(w, metadata, net.optimizerState()); // refuses a state file of another save
    }

    /**
     * Whether this JVM was started with SIGINT ignored (as background jobs of a non-interactive shell
     * are); its children inherit that, and the JVM then cannot see Ctrl-C, so SIGTERM (which takes
     * the same shutdown path) stands in for it.
     */
    private static boolean sigintIgnored() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        String mask = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .orElse("SigIgn: 0").substring(7).trim();
        return (Long.parseUnsignedLong(mask, 16) & 0x2) != 0;
    }
}
