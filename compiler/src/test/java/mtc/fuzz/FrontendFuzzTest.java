package mtc.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mtc.diag.Diagnostic;
import mtc.diag.DiagnosticRenderer;
import mtc.diag.SourceFile;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import mtc.driver.SourceLoad;
import mtc.driver.SourceReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No input crashes the front end: generated and mutated {@code .mt} texts always come back as a
 * result (a model or diagnostics), each in well under the 2 s budget, and every diagnostic
 * renders. 10,000 cases in all: 6,000 generated from the language, 4,000 byte mutations.
 */
class FrontendFuzzTest {
    /** Per file; generous against a noisy shared machine, far below what a hang would take. */
    private static final long BUDGET_NANOS = 2_000_000_000L;
    private static final DiagnosticRenderer RENDERER = new DiagnosticRenderer(false);
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("mtc-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @Property(tries = 6000, seed = "20261124")
    void generatedProgramsNeverCrashTheChecker(@ForAll("programs") String text) {
        checkWithinBudget(new SourceFile("gen.mt", text));
    }

    @Property(tries = 4000, seed = "20261124")
    void mutatedExampleBytesNeverCrashReadingOrChecking(@ForAll("mutations") byte[] bytes) throws IOException {
        Path file = dir.resolve("mutant.mt");
        Files.write(file, bytes);
        long start = System.nanoTime();
        SourceLoad load = SourceReader.read(file);
        if (load.ok()) {
            checkWithinBudget(load.file());
        } else {
            assertRenders(load.file(), List.of(load.failure().orElseThrow()));
        }
        assertTrue(System.nanoTime() - start < BUDGET_NANOS, "reading took over 2 s");
    }

    private static void checkWithinBudget(SourceFile source) {
        long start = System.nanoTime();
        FrontendResult result = Frontend.check(source);
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < BUDGET_NANOS, () -> "check took " + elapsed / 1_000_000 + " ms");
        assertTrue(result.hasErrors() == (result.model() == null), "a model exactly when there is no error");
        assertRenders(source, result.diagnostics());
    }

    private static void assertRenders(SourceFile source, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            String text = RENDERER.render(source, d);
            assertFalse(text.isBlank(), "every diagnostic renders to text");
            assertFalse(d.message().contains("Exception"), () -> "internal error leaked: " + d.message());
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> programs() {
        return MtTexts.programs();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<byte[]> mutations() {
        return ByteMutations.ofExamples();
    }
}
