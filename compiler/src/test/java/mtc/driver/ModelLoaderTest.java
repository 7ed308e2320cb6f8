package mtc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mtc.diag.SourceFile;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
    private static final String SEED =
            "model Tiny\nlinear(4, 8) -> batchnorm -> relu -> dropout(0.2) -> linear(8, 3)\n";

    @TempDir
    Path dir;

    private Path source(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path compileTo(Path out, String text) throws IOException {
        CompileResult result = Compiler.compile(new SourceFile("m.mt", text));
        return ClassFileWriter.write(out, result.compilation().generated());
    }

    private static void assertTrains(Network net) {
        net.initialize(new Rng(1));
        StepStats stats = new StepStats();
        net.trainStep(new float[] {1, 2, 3, 4, 4, 3, 2, 1}, new int[] {0, 2}, 2, 0.1f, new Rng(2), stats);
        assertEquals(2, stats.samples);
    }

    @Test
    void loadsAndCompilesASourceFile() throws Exception {
        Network net = ModelLoader.load(source("tiny.mt", SEED));
        assertEquals("Tiny", net.spec().name());
        assertTrains(net);
    }

    @Test
    void aSourceFileWithErrorsGivesRenderedDiagnostics() throws Exception {
        Path file = source("bad.mt", "linear(4, 8) -> linear(7, 3)\n");
        var e = assertThrows(ModelLoader.LoadException.class, () -> ModelLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
        assertTrue(e.getMessage().contains("error:"), e.getMessage());
    }

    @Test
    void aMissingFileIsAOneLineError() {
        Path file = dir.resolve("missing.mt");
        var e = assertThrows(ModelLoader.LoadException.class, () -> ModelLoader.load(file));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void loadsWhatCompileWroteByFolderOrClassFile() throws Exception {
        Path classFile = compileTo(dir.resolve("out"), SEED);
        assertEquals(dir.resolve("out/mtc/gen/Tiny.class"), classFile);
        assertTrains(ModelLoader.load(dir.resolve("out")));
        assertTrains(ModelLoader.load(classFile));
    }

    @Test
    void aFolderWithSeveralModelsAsksWhichOne() throws Exception {
        compileTo(dir, SEED);
        compileTo(dir, "model Other\nlinear(4, 3)\n");
        var e = assertThrows(ModelLoader.LoadException.class, () -> ModelLoader.load(dir));
        assertTrue(e.getMessage().contains("2 compiled models"), e.getMessage());
    }

    @Test
    void anEmptyFolderOrAForeignClassIsRefused() throws Exception {
        var empty = assertThrows(ModelLoader.LoadException.class, () -> ModelLoader.load(dir));
        assertTrue(empty.getMessage().contains("no compiled model"), empty.getMessage());
        Path junk = Files.write(dir.resolve("Junk.class"), "not a class".getBytes(StandardCharsets.UTF_8));
        var bad = assertThrows(ModelLoader.LoadException.class, () -> ModelLoader.load(junk));
        assertTrue(bad.getMessage().contains("not a model compiled by"), bad.getMessage());
        Path string = Files.write(dir.resolve("String.class"), classBytes(String.class));
        assertThrows(ModelLoader.LoadException.class, () -> ModelLoader.load(string));
        Path test = Files.write(dir.resolve("Test.class"), classBytes(ModelLoaderTest.class));
        assertThrows(ModelLoader.LoadException.class, () -> ModelLoader.load(test));
    }

    @Test
    void warningsOfASourceFileArePrintedNotFatal() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path file = source("w.mt", "linear(4, 8) -> dropout(0) -> linear(8, 3)\n");
        Network net = ModelLoader.load(file, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrains(net);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(file + ":1:"), err.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: dropout with p = 0"), err.toString());
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
