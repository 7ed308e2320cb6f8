package mtc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mtc.cli.daemon.Client;
import mtc.io.SafetensorsReader;
import mtc.train.Checkpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training daemon and its client as the launcher runs them, as processes: a command run by the
 * daemon prints, saves and returns what it would in a JVM of its own, with the same numbers, and
 * resolves paths in the daemon's folder; it stops on the client's Ctrl-C or death and saves its
 * checkpoint; a busy daemon or one of another folder declines, and the launcher then runs the
 * command itself; the daemon stops when asked and when idle.
 */
class DaemonTest {
    @TempDir Path dir;
    private Path model;
    private Path data;
    private Path socket;
    private Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        model = RobustFixtures.tinyModel(dir);
        data = RobustFixtures.tinyData(dir.resolve("data"), 2000, 30);
        socket = dir.resolve("d.sock");
        daemon = startDaemon("60");
    }

    @AfterEach
    void stopDaemon() throws InterruptedException {
        daemon.destroyForcibly();
        daemon.waitFor();
    }

    private Process startDaemon(String idleSeconds) throws Exception {
        ProcessBuilder pb = RobustFixtures.jvm(List.of(), "mtc.cli.daemon.Daemon", socket.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile());
        pb.environment().put("MTC_DAEMON_IDLE", idleSeconds);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(Path.of(socket + ".pid"))) { // written once it serves
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "the daemon did not start: " + daemonLog());
            Thread.sleep(20);
        }
        return p;
    }

    private String daemonLog() throws IOException {
        return Files.readString(dir.resolve("daemon.log"));
    }

    /** The launcher's client, started in {@code cwd}, sending {@code mtc args}. */
    private Process client(Path cwd, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(socket.toString(), "self", "0"));
        all.addAll(List.of(args));
        return RobustFixtures.jvm(List.of("-XX:TieredStopAtLevel=1"), "mtc.cli.daemon.Client",
                all.toArray(String[]::new)).directory(cwd.toFile()).start();
    }

    private CliRun viaDaemon(String... args) throws IOException {
        return RobustFixtures.finish(client(dir, args));
    }

    private String[] training(String save, String epochs) {
        return new String[] {"train", dir.relativize(model).toString(), "--data", dir.relativize(data).toString(),
                "--epochs", epochs, "--batch", "16", "--threads", "1", "--seed", "3", "--save", save};
    }

    @Test
    void aCommandPrintsSavesAndReturnsWhatItWouldInItsOwnJvmWithTheSameNumbers() throws Exception {
        CliRun first = viaDaemon(training("a.safetensors", "2"));
        byte[] firstTensors = ResumeTest.tensorBytes(dir.resolve("a.safetensors"));
        CliRun second = viaDaemon(training("b.safetensors", "2"));
        String[] own = training(dir.resolve("a.safetensors").toString(), "2");
        own[1] = model.toString();
        own[3] = data.toString();
        CliRun alone = RobustFixtures.finish(RobustFixtures.startTraining(own));
        for (CliRun run : List.of(first, second, alone)) assertEquals(Main.OK, run.exit(), run.err());
        assertEquals(withoutTimes(alone.out()).replace(dir + "/", ""), withoutTimes(first.out()));
        assertEquals(withoutTimes(first.out()), withoutTimes(second.out()).replace("b.safetensors", "a.safetensors"));
        byte[] tensors = ResumeTest.tensorBytes(dir.resolve("a.safetensors"));
        assertArrayEquals(tensors, firstTensors);
        assertArrayEquals(tensors, ResumeTest.tensorBytes(dir.resolve("b.safetensors")));

        CliRun eval = viaDaemon("eval", dir.relativize(model).toString(), "--weights", "b.safetensors", "--data", "data");
        CliRun evalAlone = RobustFixtures.finish(RobustFixtures.start("eval", model.toString(), "--weights",
                dir.resolve("b.safetensors").toString(), "--data", data.toString()));
        assertEquals(Main.OK, eval.exit(), eval.err());
        assertEquals(evalAlone.out().replace(dir + "/", ""), eval.out());

        CliRun missing = viaDaemon("train", "missing.mt");
        CliRun missingAlone = RobustFixtures.finish(RobustFixtures.start("train", dir.resolve("missing.mt").toString()));
        assertEquals(Main.INPUT_ERROR, missing.exit());
        assertEquals(missingAlone.err().replace(dir + "/", ""), missing.err());
    }

    /** Seconds, rates and the wall time's phases, which differ from run to run. */
    private static String withoutTimes(String out) {
        return out.replaceAll("[0-9.]+ s\\b", "T s").replaceAll("[0-9]+ samples/s", "N samples/s")
                .replaceAll("wall .*", "wall").replaceAll(" +", " ");
    }

    @Test
    void declinesWhenBusyOrOfAnotherFolderAndStopsItsCommandOnTheClientsCtrlC() throws Exception {
        assertEquals(Client.DECLINED, RobustFixtures.finish(client(data, training("x.safetensors", "1"))).exit());
        Training t = startLong("ckpt.safetensors");
        assertEquals(Client.DECLINED, viaDaemon(training("y.safetensors", "1")).exit());

        assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(t.process().pid())).start().waitFor());
        CliRun stopped = RobustFixtures.finish(t.process(), t.out());
        assertEquals(InterruptGuard.EXIT_STATUS, stopped.exit(), stopped.err());
        String last = stopped.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("mtc: interrupted ") && last.contains("; checkpoint saved to ckpt.safetensors"),
                stopped.err());
        assertCheckpoint(dir.resolve("ckpt.safetensors"));
        assertEquals(Main.OK, viaDaemon(training("z.safetensors", "1")).exit(), "the daemon serves the next command");
    }

    @Test
    void aClientKilledStopsItsCommandWhichSavesAndTheDaemonServesTheNext() throws Exception {
        Training t = startLong("ckpt.safetensors");
        t.process().destroyForcibly();
        t.process().waitFor();
        CliRun next = viaDaemon(training("next.safetensors", "1"));
        for (int tries = 0; next.exit() == Client.DECLINED && tries < 100; tries++) {
            Thread.sleep(100); // the killed command finishes its batch and saves first
            next = viaDaemon(training("next.safetensors", "1"));
        }
        assertEquals(Main.OK, next.exit(), next.err());
        assertCheckpoint(dir.resolve("ckpt.safetensors"));
        assertFalse(daemonLog().contains("\tat "), "no stack trace: " + daemonLog());
    }

    @Test
    void stopsWhenAskedOrIdleAndIsThenNotFound() throws Exception {
        daemon.destroy(); // SIGTERM, as mtc daemon stop sends
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the daemon exits when asked");
        assertFalse(Files.exists(socket), "and removes its socket");
        assertEquals(Client.NO_DAEMON, viaDaemon(training("a.safetensors", "1")).exit());

        daemon = startDaemon("1");
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the daemon exits after a second without a command");
        assertFalse(Files.exists(socket));
    }

    private static void assertCheckpoint(Path file) throws Exception {
        assertTrue(Checkpoint.fromMetadata(file.toString(), SafetensorsReader.metadata(file)).position().epoch() >= 2);
    }

    /** A client's command under way; {@code firstEpoch} completes at its first epoch line. */
    private record Training(Process process, CompletableFuture<Void> firstEpoch, CompletableFuture<String> out) {}

    /** Starts a training without end through the daemon and waits for its first epoch. */
    private Training startLong(String save) throws Exception {
        Process p = client(dir, training(save, "100000"));
        CompletableFuture<Void> firstEpoch = new CompletableFuture<>();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    text.append(line).append("\n");
                    if (line.startsWith("epoch ")) firstEpoch.complete(null);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            firstEpoch.complete(null);
            return text.toString();
        }, task -> new Thread(task, "long-training-stdout").start()); // not the common pool, which finish() needs
        firstEpoch.get(60, TimeUnit.SECONDS);
        return new Training(p, firstEpoch, out);
    }
}
