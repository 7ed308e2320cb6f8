package mtc.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mtc.io.SafetensorsReader;
import mtc.io.SafetensorsWriter;
import mtc.io.WeightsException;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir Path dir;

    static Checkpoint sample() {
        TrainConfig config = new TrainConfig(10, 32, 0.05f, 1000, false,
                OptimizerSpec.parse("sgd momentum=0.9 nesterov=true weight_decay=5e-4"), ScheduleSpec.cosine(1e-4, 2));
        return new Checkpoint("Mnist", -5, config, 1000,
                new TrainPosition(3, Long.MIN_VALUE, 42, 320, 123.456789e-3, 250, 320),
                List.of("1,0.5,0.8,0.4,0.9,1.000,100.0", "2,0.3,0.9,0.2,0.95,1.000,100.0"));
    }

    @Test
    void survivesTheSafetensorsHeaderExactly() throws Exception {
        Path file = dir.resolve("c.safetensors");
        SafetensorsWriter.save(file, SoftmaxNetwork.mnist(), sample().toMetadata());
        Map<String, String> metadata = SafetensorsReader.metadata(file);
        assertEquals("pt", metadata.get("format"));
        assertEquals("sgd lr=0.05000000074505806 momentum=0.9 nesterov=true weight_decay=5.0E-4",
                metadata.get("mtc.optimizer"));
        assertEquals("cosine min_lr=1.0E-4 warmup=2", metadata.get("mtc.schedule"));
        assertEquals(sample(), Checkpoint.fromMetadata(file.toString(), metadata));
        SafetensorsReader.load(file, SoftmaxNetwork.mnist());
    }

    @Test
    void plainWeightsHaveNoTrainingState() throws Exception {
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.save(file, SoftmaxNetwork.mnist());
        assertFalse(Checkpoint.present(SafetensorsReader.metadata(file)));
        assertTrue(Checkpoint.present(sample().toMetadata()));
    }

    @Test
    void missingOrMalformedStateIsNamed() {
        Map<String, String> m = new HashMap<>(sample().toMetadata());
        m.remove("mtc.rng");
        assertEquals("f: training state lacks \"mtc.rng\"",
                assertThrows(WeightsException.class, () -> Checkpoint.fromMetadata("f", m)).getMessage());
        m.put("mtc.rng", "x");
        assertEquals("f: invalid training state in the header: For input string: \"x\"",
                assertThrows(WeightsException.class, () -> Checkpoint.fromMetadata("f", m)).getMessage());
        m.put("mtc.rng", "1");
        m.put("mtc.epoch_samples_done", "-1");
        assertEquals("f: invalid training state in the header: epoch 3 with -1 samples done",
                assertThrows(WeightsException.class, () -> Checkpoint.fromMetadata("f", m)).getMessage());
        m.put("mtc.epoch_samples_done", "5000");
        assertEquals("f: invalid training state in the header: 5000 samples done of 1000",
                assertThrows(WeightsException.class, () -> Checkpoint.fromMetadata("f", m)).getMessage());
        m.put("mtc.checkpoint", "9");
        assertTrue(assertThrows(WeightsException.class, () -> Checkpoint.fromMetadata("f", m)).getMessage()
                .startsWith("f: training state of checkpoint version 9"));
    }

    @Test
    void temporaryFilesOfDeadWritersAreRemovedByTheNextWrite() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Path stale = Files.writeString(dir.resolve(".w.safetensors.999999999.tmp"), "half");
        Path alive = Files.writeString(dir.resolve(".w.safetensors." + ProcessHandle.current().parent()
                .orElseThrow().pid() + ".tmp"), "being written");
        SafetensorsWriter.save(file, SoftmaxNetwork.mnist());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(alive));
        Files.delete(alive);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
