package mtc.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
    private final DiagnosticRenderer plain = new DiagnosticRenderer(false);

    @Test
    void theSpecsExample() {
        SourceFile source = new SourceFile("mnist.mt", "linear(784,256) -> relu -> linear(128,10)\n");
        Diagnostic error = Diagnostic.error(new Span(1, 35, 3),
                "linear expects 128 input features, but relu (1:20) produces [256]",
                "write linear(256, 10), or linear(10) to infer the input size");
        assertEquals("""
                mnist.mt:1:35: error: linear expects 128 input features, but relu (1:20) produces [256]
                  linear(784,256) -> relu -> linear(128,10)
                                                    ^~~
                  help: write linear(256, 10), or linear(10) to infer the input size
                """, plain.render(source, error));
    }

    @Test
    void tabsAreExpandedInTheLineAndTheUnderlineAlike() {
        SourceFile source = new SourceFile("t.mt", "x\r\n\t\t-> relu\r\n");
        String rendered = plain.render(source, Diagnostic.warning(new Span(2, 6, 4), "look"));
        assertEquals("t.mt:2:6: warning: look\n" + "          -> relu\n" + "             ^~~~\n", rendered);
    }

    @Test
    void aSpanPastTheEndOfTheLineStillGetsACaret() {
        SourceFile source = new SourceFile("e.mt", "let x =");
        assertEquals("e.mt:1:8: error: missing\n  let x =\n         ^\n",
                plain.render(source, Diagnostic.error(new Span(1, 8, 1), "missing")));
    }

    @Test
    void aLongLineIsCutToAWindowAroundTheSpan() {
        String line = "relu -> ".repeat(50) + "batchnrom" + " -> relu".repeat(50);
        SourceFile source = new SourceFile("long.mt", line);
        String[] rendered = plain.render(source, Diagnostic.error(new Span(1, 401, 9), "unknown")).split("\n");
        assertEquals("  ..." + line.substring(340, 500) + "...", rendered[1]);
        assertEquals("  " + " ".repeat(3 + 60) + "^~~~~~~~~", rendered[2]);
    }

    @Test
    void aWholeFileProblemHasNoPositionOrSnippet() {
        SourceFile source = new SourceFile("dir", "");
        assertEquals("dir: error: is a directory\n  help: name a file\n",
                plain.render(source, Diagnostic.fileError("is a directory", "name a file")));
    }

    @Test
    void colourWrapsOnlyTheLabels() {
        SourceFile source = new SourceFile("c.mt", "relu\n");
        String rendered = new DiagnosticRenderer(true).render(source, List.of(
                Diagnostic.error(new Span(1, 1, 4), "bad", "fix it")));
        assertEquals("\u001b[1mc.mt:1:1:\u001b[0m \u001b[1;31merror:\u001b[0m \u001b[1mbad\u001b[0m\n"
                + "  relu\n  \u001b[1;31m^~~~\u001b[0m\n  \u001b[1;36mhelp:\u001b[0m fix it\n", rendered);
    }
}
