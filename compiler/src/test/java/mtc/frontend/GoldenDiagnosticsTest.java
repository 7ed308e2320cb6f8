package mtc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mtc.check.CheckedModel;
import mtc.check.Layer;
import mtc.diag.DiagnosticRenderer;
import mtc.diag.SourceFile;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code .mt} case under {@code src/test/resources/diagnostics/<category>/} through the
 * front end and compares the output, byte for byte, with the {@code .expected} file beside it: the
 * rendered diagnostics (no colour), then for a file without errors its model, one line per layer.
 * Set {@code MTC_UPDATE_GOLDEN=1} to rewrite the expected files, then read every change.
 */
class GoldenDiagnosticsTest {
    private static final Path CASES = Path.of("src/test/resources/diagnostics");
    /** A fixed memory budget, so that the "too large" message does not depend on the machine. */
    private static final long MEMORY_BUDGET = 8_000_000_000L;

    @TestFactory
    Stream<DynamicTest> eachCaseGivesItsExpectedOutput() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.walk(CASES)) {
            cases = files.filter(path -> path.toString().endsWith(".mt")).sorted().toList();
        }
        return cases.stream().map(path -> DynamicTest.dynamicTest(CASES.relativize(path).toString(), path.toUri(),
                () -> check(path)));
    }

    private static void check(Path path) throws IOException {
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        SourceFile source = new SourceFile(path.getFileName().toString(), text);
        String actual = output(source, Frontend.check(source, MEMORY_BUDGET));
        Path expectedFile = Path.of(path.toString().replaceAll("\\.mt$", ".expected"));
        if (System.getenv("MTC_UPDATE_GOLDEN") != null) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual);
    }

    private static String output(SourceFile source, FrontendResult result) {
        StringBuilder out = new StringBuilder(new DiagnosticRenderer(false).render(source, result.diagnostics()));
        CheckedModel model = result.model();
        if (model == null) return out.toString();
        out.append("model ").append(model.name()).append(", input ").append(model.input());
        if (model.optimizer() != null) out.append(", optimizer ").append(describe(model.optimizer()));
        if (model.schedule() != null) out.append(", schedule ").append(model.schedule().text());
        out.append('\n');
        for (Layer layer : model.layers()) {
            out.append("  ").append(layer.path()).append(' ').append(layer.kind()).append(' ')
                    .append(layer.in()).append(" -> ").append(layer.out()).append(details(layer)).append('\n');
        }
        return out.toString();
    }

    private static String describe(CheckedModel.Optimizer optimizer) {
        return optimizer.spec().text();
    }

    private static String details(Layer layer) {
        if (layer instanceof Layer.BatchNorm bn) return " eps=" + bn.eps() + " momentum=" + bn.momentum();
        if (layer instanceof Layer.Dropout dropout) return " p=" + dropout.p();
        return "";
    }
}
