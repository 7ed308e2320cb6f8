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
    void withABatchEachLayersFlopsAndTheMemoryOfATrainingStepAsTorchinfoCountsIt() {
        CliRun run = mtc("summary", "--batch", "64", "../examples/mnist.mt");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("""
                model Mnist, input [784]

                  #  layer             output  parameters  batch FLOPs
                  0  linear(784, 256)  [256]      200,960   25,690,112
                  1  batchnorm         [256]          512       32,768
                """), run.out());
        // torchinfo: outputs of all five layers (1,034 floats a sample) twice (gradients), at 64 samples, 4 bytes.
        assertTrue(run.out().endsWith("""
                FLOPs per sample: 407,552

                at batch 64:
                  forward FLOPs: 26,083,328 (a training step, with the backward pass, about three times as many)
                  input size: 0.20 MB
                  forward/backward pass size: 0.53 MB (each layer's output, kept for the backward pass, and its gradient)
                  weights size: 0.82 MB
                  estimated total size: 1.55 MB
                """), run.out());
        assertEquals(Main.USAGE, mtc("summary", "--batch", "0", "../examples/mnist.mt").exit());
    }

    @Test
    void severalFilesAsCheckTakesThem() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.mt"), "linear(784, 10) -> linear(20, 2)\n");
        CliRun two = mtc("summary", "../examples/mnist.mt", "../examples/deep.mt");
        assertEquals(0, two.exit(), two.err());
        assertTrue(two.out().startsWith(SEED_SUMMARY + "\nmodel DeepMlp, input [784]\n"), two.out());
        CliRun withBad = mtc("summary", "../examples/mnist.mt", bad.toString());
        assertEquals(new CliRun(1, SEED_SUMMARY, withBad.err()), withBad, "the good file's table, then exit 1");
        assertTrue(withBad.err().startsWith(bad + ":1:27: error:"), withBad.err());
        assertEquals(2, mtc("summary").exit());
    }
}
