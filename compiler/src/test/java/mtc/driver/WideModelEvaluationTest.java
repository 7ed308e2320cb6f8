package mtc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of 1,000 through a 784x4096 layer: batch size times the weight's size overflows an int,
 * which once crashed evaluation although only per-sample buffers grow with the batch.
 */
class WideModelEvaluationTest {
    @Test
    void bigEvaluationBatchesOnAWideModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wide.mt");
        Files.writeString(file, "linear(784, 4096) -> batchnorm -> relu -> linear(4096, 10)\n");
        Network net = ModelLoader.load(file);
        net.initialize(new Rng(0));
        int n = 1000;
        StepStats stats = new StepStats();
        net.evaluate(new float[n * 784], new int[n], n, null, stats);
        assertEquals(n, stats.samples);
    }
}
