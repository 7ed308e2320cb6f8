package mtc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import mtc.diag.Diagnostic;
import mtc.diag.SourceFile;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import mtc.driver.SourceLoad;
import mtc.driver.SourceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input no model file should contain: each gives diagnostics, never an exception, a stack
 * overflow, an OutOfMemoryError or a hang (every case runs under a time limit).
 */
class BadInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir Path dir;

    private static List<Diagnostic> check(String text) {
        FrontendResult result = assertTimeoutPreemptively(LIMIT, () -> Frontend.check(new SourceFile("bad.mt", text)));
        assertNull(result.model());
        assertFalse(result.diagnostics().isEmpty());
        return result.diagnostics();
    }

    private static String read(Path path) {
        SourceLoad load = assertTimeoutPreemptively(LIMIT, () -> SourceReader.read(path));
        assertFalse(load.ok());
        return load.failure().get().message();
    }

    @Test
    void aMissingPathOrADirectory() {
        assertEquals("no such file", read(Path.of("does/not/exist.mt")));
        assertEquals("is a directory, not a .mt file", read(Path.of(".")));
    }

    @Test
    void binaryGarbageIsNotText() throws IOException {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        assertEquals("not a text file: it contains NUL bytes", read(Files.write(dir.resolve("noise.mt"), noise)));
        Path nul = Files.write(dir.resolve("nul.mt"), "linear(784, 10)\0\n".getBytes());
        assertEquals("not a text file: it contains NUL bytes", read(nul));
    }

    @Test
    void textThatIsNotUtf8IsAnErrorAtItsFirstBadByte() throws IOException {
        byte[] latin1 = "input [784]\n# caf\u00e9 au lait\nrelu\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        SourceLoad load = SourceReader.read(Files.write(dir.resolve("latin1.mt"), latin1));
        Diagnostic error = load.failure().orElseThrow();
        assertEquals("2:6", error.span().toString());
        assertEquals("not valid UTF-8: byte 0xE9 cannot be read as text", error.message());
        assertEquals("# caf\ufffd au lait", load.file().line(2), "the line is shown as an editor shows it");
    }

    @Test
    void aTenMegabyteFileIsRefusedBeforeItIsRead() throws IOException {
        Path big = Files.write(dir.resolve("big.mt"), "relu -> ".repeat(1_250_000).getBytes());
        assertEquals("the file is too large (10.0 MB); mtc reads .mt files of up to 1.0 MB", read(big));
        assertTrue(check("#".repeat(SourceReader.MAX_CHARS + 1)).get(0).message().startsWith("the file is too large"));
    }

    @Test
    void anEmptyFileHasNoLayers() {
        assertEquals("the file has no layers", check("").get(0).message());
    }

    @Test
    void deeplyNestedParenthesesAreOneSyntaxError() {
        List<Diagnostic> errors = check("linear" + "(".repeat(200_000) + "784" + ")".repeat(200_000) + "\n");
        assertEquals(1, errors.size(), errors.toString());
    }

    @Test
    void absurdNumbersAreRangeErrors() {
        List<Diagnostic> errors = check("linear(784, " + "9".repeat(100_000) + ") -> dropout(1e99999) -> linear(10)\n");
        assertEquals(List.of("integer out of range: the limit is 2147483647", "number 1e99999 is out of range"),
                errors.stream().map(Diagnostic::message).toList());
    }

    @Test
    void aFloodOfSyntaxErrorsIsCutShort() {
        List<Diagnostic> errors = check("$ $\n".repeat(200_000));
        assertEquals(50, errors.size());
        assertTrue(errors.get(49).help().get(0).startsWith("stopped after 50 syntax errors"));
    }

    @Test
    void aLongChainWithoutInputGivesOneError() {
        List<Diagnostic> errors = check("relu" + " -> relu".repeat(20_000) + " -> linear(10)\n");
        assertEquals(1, errors.size(), errors.toString());
    }
}
