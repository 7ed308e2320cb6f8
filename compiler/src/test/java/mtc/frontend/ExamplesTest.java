package mtc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mtc.diag.DiagnosticRenderer;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import mtc.driver.SourceLoad;
import mtc.driver.SourceReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every model in {@code examples/} checks without a single diagnostic. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("../examples");

    @TestFactory
    Stream<DynamicTest> everyExampleChecksClean() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            files = listing.filter(p -> p.toString().endsWith(".mt")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples found in " + EXAMPLES.toAbsolutePath());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            SourceLoad load = SourceReader.read(file);
            assertTrue(load.ok(), () -> load.failure().get().message());
            FrontendResult result = Frontend.check(load.file());
            assertEquals("", new DiagnosticRenderer(false).render(load.file(), result.diagnostics()));
            assertNotNull(result.model());
        }));
    }

    @Test
    void theSeedModelHasTheSpecsParameterCount() {
        FrontendResult result = Frontend.check(SourceReader.read(EXAMPLES.resolve("mnist.mt")).file());
        assertEquals(204_042, result.model().parameterCount());
        assertEquals("Mnist", result.model().name());
    }
}
