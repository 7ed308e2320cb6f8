package mtc.cli;

import static mtc.cli.CliRun.mtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mtc.driver.ModelLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCliTest {
    @TempDir Path dir;



    private Path model(String text) throws IOException {
        return Files.writeString(dir.resolve("tiny.mt"), text);
    }

    @Test
    void writesTheClassFileThatTrainLoads() throws Exception {
        Path file = model("model Tiny\nlinear(4, 8) -> relu -> linear(8, 3)\n");
        Path out = dir.resolve("out");
        CliRun run = mtc("compile", file.toString(), "-o", out.toString());
        assertEquals(0, run.exit(), run.err());
        Path classFile = out.resolve("mtc/gen/Tiny.class");
        assertEquals("wrote " + classFile + "\n", run.out().replace("\r", ""));
        assertEquals("", run.err());
        assertEquals("Tiny", ModelLoader.load(out).spec().name());
    }

    @Test
    void emitIrPrintsTheIrAndWritesNothing() throws Exception {
        Path file = model("linear(4, 8) -> relu -> linear(8, 3)\n");
        CliRun run = mtc("compile", file.toString(), "-o", dir.resolve("out").toString(),
                "--emit", "ir");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("0.product[B,8] = matmul x[B,4], 0.weight[8,4]"), run.out());
        assertTrue(run.out().contains("backward:"), run.out());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void errorsArePrintedWithExitStatusOne() throws Exception {
        Path file = model("linear(4, 8) -> linear(7, 3)\n");
        CliRun run = mtc("compile", file.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith(file + ":1:"), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingFileIsAnInputError() {
        CliRun run = mtc("compile", dir.resolve("nope.mt").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void anUnknownEmitKindIsAUsageError() throws Exception {
        CliRun run = mtc("compile", model("linear(4, 3)\n").toString(), "--emit", "asm");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--emit takes 'class' or 'ir'"), run.err());
    }

    @Test
    void anUnwritableOutputFolderIsReported() throws Exception {
        Path file = model("linear(4, 3)\n");
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        CliRun run = mtc("compile", file.toString(), "-o", blocker.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("mtc: cannot write the class file to " + blocker), run.err());
    }
}
