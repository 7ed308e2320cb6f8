package mtc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import mtc.diag.SourceFile;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import org.junit.jupiter.api.Test;

/** Big but legal models check fast; the real latency measurement is a separate benchmark. */
class LargeInputTest {
    @Test
    void aTwoThousandLayerChainChecksInUnderTwoSeconds() {
        StringBuilder text = new StringBuilder("input [784]\nlinear(64)");
        for (int i = 1; i < 2_000; i++) text.append(i % 2 == 1 ? "\n  -> relu" : "\n  -> linear(64)");
        text.append("\n  -> linear(10)\n");
        SourceFile source = new SourceFile("deep.mt", text.toString());
        Frontend.check(source); // warm-up: class loading and the ANTLR DFA are one-off costs
        FrontendResult result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Frontend.check(source));
        assertEquals(List.of(), result.diagnostics());
        assertEquals(2_001, result.model().layers().size());
    }

    @Test
    void aTwoThousandLayerChainOnOneLineChecksToo() {
        String chain = "linear(784, 32)" + " -> relu -> linear(32)".repeat(1_000);
        FrontendResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Frontend.check(new SourceFile("wide.mt", chain)));
        assertTrue(result.diagnostics().isEmpty(), result.diagnostics().toString());
        assertEquals(2_001, result.model().layers().size());
    }
}
