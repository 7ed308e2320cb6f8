package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtc summary}: the table of the seed model, byte for byte, and its failure modes. */
class SummaryCliTest {
    private static final String SEED_SUMMARY = """
            model Mnist, input [784]

              #  layer             output  parameters
              0  linear(784, 256)  [256]      200,960
              1  batchnorm         [256]          512
              2  relu              [256]            0
              3  dropout(0.2)      [256]            0
              4  linear(256, 10)   [10]         2,570

            trainable parameters: 204,042
            FLOPs per sample: 407,552
            """;

    @TempDir Path dir;

    @Test
    void theSeedModelsSummary() {
        CliRun run = mtc("summary", "../examples/mnist.mt");
        assertEquals(new CliRun(0, SEED_SUMMARY, ""), run);
    }

    @Test
    void shapesOfChannelsAndFlatten() throws IOException {
        Path file = Files.writeString(dir.resolve("conv-like.mt"),
                "input [1, 28, 28]\nbatchnorm -> flatten -> linear(10)\n");
        CliRun run = mtc("summary", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("  0  batchnorm        [1,28,28]           2\n"), run.out());
        assertTrue(run.out().contains("  1  flatten          [784]               0\n"), run.out());
        assertTrue(run.out().contains("trainable parameters: 7,852\n"), run.out());
    }

    @Test
    void aFileWithErrorsPrintsDiagnosticsOnlyAndExitsOne() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.mt"), "linear(784, 10) -> linear(20, 2)\n");
        CliRun run = mtc("summary", file.toString());
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(file + ":1:27: error: linear expects 20 input features"), run.err());
    }

    @Test
    void exactlyOneFileIsRequired() {
        assertEquals(2, mtc("summary").exit());
        assertEquals(2, mtc("summary", "a.mt", "b.mt").exit());
    }
}
