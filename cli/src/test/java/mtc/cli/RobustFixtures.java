package mtc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mtc.data.MnistFiles;

/**
 * What the robustness tests share: a tiny model and tiny synthetic MNIST-format data made in a
 * temporary folder (so that each run takes well under a second of work), and running mtc as a
 * real process, as a user would, with its exit status and both output streams.
 */
final class RobustFixtures {
    /** The tiny model's state dict, as it saves it. */
    static final List<String> TENSORS = List.of("0.weight", "0.bias", "3.weight", "3.bias");

    private RobustFixtures() {}


    /** A 784-16-10 perceptron with dropout, so that training draws random numbers after shuffling. */
    static Path tinyModel(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny.mt"), "model Tiny\ninput [784]\nlinear(784, 16)\n  -> relu\n"
                + "  -> dropout(p = 0.2)\n  -> linear(16, 10)\nloss cross_entropy\n");
    }

    /** A data folder with {@code train} and {@code test} 28x28 images whose bright band tells the class. */
    static Path tinyData(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        writeSplit(dir, MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS, train, 28);
        writeSplit(dir, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS, test, 28);
        return dir;
    }

    static void writeSplit(Path dir, String images, String labels, int count, int side) throws IOException {
        byte[] pixels = new byte[count * side * side];
        byte[] ys = new byte[count];
        for (int i = 0; i < count; i++) {
            ys[i] = (byte) (i % 10);
            for (int k = 0; k < side * side; k++) {
                boolean on = k * 10 / (side * side) == i % 10;
                pixels[i * side * side + k] = (byte) (on ? 200 : (k * 31 + i * 7) % 50);
            }
        }
        Files.write(dir.resolve(images), idx(new int[] {count, side, side}, pixels));
        Files.write(dir.resolve(labels), idx(new int[] {count}, ys));
    }

    /** An IDX file of unsigned bytes. */
    static byte[] idx(int[] dims, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        b.put(new byte[] {0, 0, 8, (byte) dims.length});
        for (int d : dims) b.putInt(d);
        return b.put(values).array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** A safetensors file with zero-filled tensors {@code name, dtype, shape...} in {@code specs} order. */
    static byte[] safetensors(List<String[]> specs) {
        StringBuilder json = new StringBuilder("{");
        long offset = 0;
        for (String[] s : specs) {
            long numel = Arrays.stream(s, 2, s.length).mapToLong(Long::parseLong).reduce(1, (a, b) -> a * b);
            long end = offset + numel * (s[1].equals("F64") || s[1].equals("I64") ? 8 : 4);
            json.append(json.length() > 1 ? "," : "").append('"').append(s[0]).append("\":{\"dtype\":\"").append(s[1])
                    .append("\",\"shape\":[").append(String.join(",", Arrays.copyOfRange(s, 2, s.length)))
                    .append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        byte[] header = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).array();
    }

    /** The tiny model's tensors as the specs {@link #safetensors} takes. */
    static List<String[]> tinySpecs() {
        return new ArrayList<>(List.of(new String[] {"0.weight", "F32", "16", "784"}, new String[] {"0.bias", "F32",
                "16"}, new String[] {"3.weight", "F32", "10", "16"}, new String[] {"3.bias", "F32", "10"}));
    }

    /** Starts {@code mtc args} as a separate JVM, from the test classpath, tuned to start fast (tiny work). */
    static Process start(String... args) throws IOException {
        return start(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args);
    }

    /** Starts {@code mtc args} as a separate JVM with the full JIT, as the launcher runs training. */
    static Process startTraining(String... args) throws IOException {
        return start(List.of(), args);
    }

    private static Process start(List<String> jvmOptions, String... args) throws IOException {
        return jvm(jvmOptions, "mtc.cli.Main", args).start();
    }

    /** A JVM running {@code mainClass args} from the test classpath with the Vector API, as the launcher's. */
    static ProcessBuilder jvm(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-modules", "jdk.incubator.vector", "-Xss16m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Runs every command at once (the machine is mostly waiting on JVM start-up) and returns each outcome. */
    static List<CliRun> runAll(List<String[]> commands) throws Exception {
        List<CompletableFuture<CliRun>> runs = new ArrayList<>();
        for (String[] args : commands) {
            Process p = start(args);
            runs.add(CompletableFuture.supplyAsync(() -> finish(p)));
        }
        List<CliRun> out = new ArrayList<>();
        for (CompletableFuture<CliRun> r : runs) out.add(r.get(120, TimeUnit.SECONDS));
        return out;
    }

    static CliRun run(String... args) throws Exception {
        return runAll(List.<String[]>of(args)).get(0);
    }

    /** Waits for {@code p} to end (never more than a minute) and collects what it printed. */
    static CliRun finish(Process p) {
        return finish(p, CompletableFuture.supplyAsync(() -> text(p.getInputStream())));
    }

    /** Like {@link #finish(Process)}, with its stdout already being read into {@code out}. */
    static CliRun finish(Process p, CompletableFuture<String> out) {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("mtc hung: no exit within 60 s");
            }
            return new CliRun(p.exitValue(), out.get(), withoutJvmWarnings(err.get()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String text(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The incubator module's start-up warning is the JVM's, not mtc's. */
    static String withoutJvmWarnings(String err) {
        return err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).map(l -> l + "\n")
                .reduce("", String::concat);
    }

    /** An input error or usage error: the status, a first line with every fragment, and no stack trace. */
    static void assertFailure(CliRun run, int exit, String... fragments) {
        assertEquals(exit, run.exit(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        for (String f : fragments) assertTrue(first.contains(f), "'" + f + "' not in: " + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat ") || run.err().contains("Error:"),
                run.err());
    }
}
