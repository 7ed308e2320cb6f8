package mtc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mtc.check.LanguageNames;
import mtc.diag.DiagnosticRenderer;
import mtc.diag.SourceFile;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/language.md cannot fall behind the compiler: every layer kind, statement and optimizer the
 * checker knows has a section ({@code ### `name`}) that is not marked planned; every {@code mt}
 * example checks without errors; and every {@code mt-error} example gives, byte for byte, the
 * diagnostics the reference prints below it (in a {@code text} block), as file {@code example.mt}.
 */
class LanguageReferenceTest {
    private static final Path DOC = Path.of("../docs/language.md");
    private static final String PLANNED = "*Planned";

    @Test
    void everyLayerStatementAndOptimizerHasASectionThatIsNotMarkedPlanned() throws IOException {
        Map<String, Boolean> sections = sections();
        List<String> names = new ArrayList<>(LanguageNames.layers());
        names.addAll(LanguageNames.statements());
        names.addAll(LanguageNames.optimizers());
        for (String name : names) {
            assertTrue(sections.containsKey(name), "docs/language.md has no section ### `" + name + "`");
            assertFalse(sections.get(name), "### `" + name + "` is marked planned, but the compiler has it");
        }
        assertTrue(sections.containsKey("->"), "the chain has a section");
    }

    @TestFactory
    Stream<DynamicTest> examplesCheckAsTheReferenceSays() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i);
            if (!fence.equals("```mt") && !fence.equals("```mt-error")) continue;
            String source = block(lines, i + 1);
            int line = i + 1;
            if (fence.equals("```mt")) {
                tests.add(DynamicTest.dynamicTest("line " + line, () -> assertEquals("", render(source),
                        "the example at line " + line + " has errors")));
            } else {
                int next = i + 1 + (int) source.lines().count() + 1;
                while (lines.get(next).isBlank() || !lines.get(next).startsWith("```")) next++;
                assertEquals("```text", lines.get(next), "an mt-error example is followed by its output, line " + line);
                String expected = block(lines, next + 1);
                tests.add(DynamicTest.dynamicTest("line " + line, () -> assertEquals(expected, render(source))));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    /** Each {@code ### `name`} heading, and whether its section is marked planned. */
    private static Map<String, Boolean> sections() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        Map<String, Boolean> sections = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("### `")) continue;
            int j = i + 1;
            while (j < lines.size() && lines.get(j).isBlank()) j++;
            boolean planned = j < lines.size() && lines.get(j).startsWith(PLANNED);
            for (String part : line.substring(4).split(",")) {
                String name = part.strip();
                if (name.startsWith("`")) sections.put(name.substring(1, name.indexOf('`', 1)), planned);
            }
        }
        return sections;
    }

    /** The text from line {@code from} up to the closing fence, each line ending in a newline. */
    private static String block(List<String> lines, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; !lines.get(i).equals("```"); i++) text.append(lines.get(i)).append('\n');
        return text.toString();
    }

    private static String render(String source) {
        SourceFile file = new SourceFile("example.mt", source);
        FrontendResult result = Frontend.check(file);
        return new DiagnosticRenderer(false).render(file, result.diagnostics());
    }
}
