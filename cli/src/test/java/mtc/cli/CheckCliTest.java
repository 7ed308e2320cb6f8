package mtc.cli;

import static mtc.cli.CliRun.mtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtc check}: exit codes, what goes to stdout and stderr, in process and as a real process. */
class CheckCliTest {
    @TempDir Path dir;



    /** Runs mtc as its own JVM, as a user would, with a time limit. */
    static CliRun process(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "mtc.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                "/dev/null"))).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mtc did not finish");
        return new CliRun(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aCleanFilePrintsNothingAndExitsZero() throws IOException {
        CliRun run = mtc("check", file("ok.mt", "linear(784, 10)\n").toString());
        assertEquals(new CliRun(0, "", ""), run);
    }

    @Test
    void errorsGoToStderrInTheSpecFormatWithExitOne() throws IOException {
        Path bad = file("mnist.mt", "linear(784,256) -> relu -> linear(128,10)\n");
        CliRun run = mtc("check", bad.toString());
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertEquals(bad + ":1:35: error: linear expects 128 input features, but relu at 1:20 produces [256]\n"
                + "  linear(784,256) -> relu -> linear(128,10)\n"
                + "                                    ^~~\n"
                + "  help: write linear(256, 10), or linear(10) to infer the input size\n", run.err());
    }

    @Test
    void everyFileIsCheckedAndAnyErrorFailsTheRun() throws IOException {
        Path good = file("good.mt", "linear(784, 10)\n");
        Path bad = file("bad.mt", "relu\n");
        CliRun run = mtc("check", bad.toString(), good.toString(), dir.resolve("missing.mt").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith(bad + ":1:1: error: the input shape is unknown"), run.err());
        assertTrue(run.err().contains(dir.resolve("missing.mt") + ": error: no such file\n"), run.err());
        assertFalse(run.err().contains("good.mt"), run.err());
    }

    @Test
    void warningsAloneDoNotFail() throws IOException {
        CliRun run = mtc("check", file("w.mt", "linear(784, 10) -> dropout(0) -> linear(2)\n").toString());
        assertEquals(0, run.exit());
        assertTrue(run.err().contains(":1:28: warning: dropout with p = 0 has no effect"), run.err());
    }

    @Test
    void aDirectoryIsAnInputError() {
        CliRun run = mtc("check", dir.toString());
        assertEquals(new CliRun(1, "", dir + ": error: is a directory, not a .mt file\n"), run);
    }

    @Test
    void noFilesIsAUsageError() {
        CliRun run = mtc("check");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Missing required parameter: 'FILE'"), run.err());
    }

    @Test
    void colourIsOnlyUsedWhenAsked() throws IOException {
        Path bad = file("bad.mt", "relu\n");
        assertFalse(mtc("check", bad.toString()).err().contains("\u001b["));
        assertTrue(mtc("check", "--color=always", bad.toString()).err().contains("\u001b[1;31merror:"));
        assertEquals(2, mtc("check", "--color=sometimes", bad.toString()).exit());
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = mtc("check", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Usage: mtc check [-hV] [--color=WHEN] FILE..."), run.out());
    }

    @Test
    void asAProcessBinaryInputGivesOneDiagnosticAndExitOne() throws Exception {
        Path binary = Files.write(dir.resolve("noise.mt"), new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, (byte) 0xff});
        CliRun run = process("check", binary.toString());
        assertEquals(new CliRun(1, "", binary + ": error: not a text file: it contains NUL bytes\n"), run);
    }

    @Test
    void textThatIsNotUtf8GetsThePositionOfItsFirstBadByte() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.mt"), new byte[] {'r', 'e', 'l', 'u', ' ', '#', ' ', (byte) 0xe9});
        CliRun run = mtc("check", "--color=never", latin1.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith(latin1 + ":1:8: error: not valid UTF-8: byte 0xE9 cannot be read as text\n"),
                run.err());
    }

    @Test
    void asAProcessUsageErrorsExitTwo() throws Exception {
        CliRun run = process("check", "--no-such-option", "x.mt");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("mtc: Unknown option: '--no-such-option'"), run.err());
    }
}
