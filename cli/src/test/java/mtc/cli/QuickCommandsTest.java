package mtc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli-free forms answer exactly as picocli's do, and leave every other form to it. */
class QuickCommandsTest {
    @TempDir Path dir;

    private Path model(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void plainCheckPrintsWhatPicocliPrints() throws Exception {
        Path good = model("good.mt", "linear(784, 10)\n");
        Path bad = model("bad.mt", "linear(784, 10) -> linear(20, 5)\n");
        CliRun quick = CliRun.mtc("check", good.toString(), bad.toString());
        CliRun picocli = CliRun.mtc("check", "--color", "never", good.toString(), bad.toString());
        assertEquals(picocli, quick);
        assertEquals(Main.INPUT_ERROR, quick.exit());
        assertTrue(quick.err().contains("bad.mt:1:"), quick.err());
    }

    @Test
    void plainCompileWritesWhatPicocliWrites() throws Exception {
        Path file = model("m.mt", "linear(784, 10)\n");
        CliRun quick = CliRun.mtc("compile", file.toString(), "-o", dir.resolve("a").toString());
        CliRun picocli = CliRun.mtc("compile", "--emit", "class", file.toString(), "-o", dir.resolve("b").toString());
        assertEquals(Main.OK, quick.exit());
        assertEquals(picocli.out().replace("/b/", "/a/"), quick.out());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(dir.resolve("b/mtc/gen/M.class")),
                Files.readAllBytes(dir.resolve("a/mtc/gen/M.class")));
    }

    @Test
    void anyOtherFormIsLeftToPicocli() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        assertNull(QuickCommands.run(new String[] {"check"}, sink, sink));
        assertNull(QuickCommands.run(new String[] {"check", "--help"}, sink, sink));
        assertNull(QuickCommands.run(new String[] {"check", "a.mt", "--color", "never"}, sink, sink));
        assertNull(QuickCommands.run(new String[] {"compile", "a.mt", "--emit", "ir"}, sink, sink));
        assertNull(QuickCommands.run(new String[] {"compile", "a.mt", "-o"}, sink, sink));
        assertNull(QuickCommands.run(new String[] {"compile", "a.mt", "b.mt"}, sink, sink));
        assertNull(QuickCommands.run(new String[] {"train", "a.mt"}, sink, sink));
    }
}
