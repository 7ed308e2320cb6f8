package mtc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    /** More pixels per batch than the staging array holds, so that a mapped copy takes several chunks. */
    private static final int COUNT = 100, SIDE = 28;

    @TempDir Path dir;

    @Test
    void mappedPixelsGiveTheSameBatchesAsAnArray() throws Exception {
        byte[] pixels = new byte[COUNT * SIDE * SIDE];
        new Random(1).nextBytes(pixels);
        int[] labels = new int[COUNT];
        for (int i = 0; i < COUNT; i++) labels[i] = i % 10;
        Path file = Files.write(dir.resolve("pixels"), pixels);
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, pixels.length);
        }
        Dataset inArray = new Dataset("i", "l", COUNT, SIDE, SIDE, pixels, labels);
        Dataset inFile = Dataset.of("i", "l", COUNT, SIDE, SIDE, mapped, labels);

        int[] order = new int[COUNT];
        for (int i = 0; i < COUNT; i++) order[i] = (i * 37) % COUNT;
        assertArrayEquals(batch(inArray, order, 5, 64), batch(inFile, order, 5, 64));
        assertArrayEquals(range(inArray, 30, 70), range(inFile, 30, 70));
        assertArrayEquals(range(inArray.limit(50), 0, 50), range(inFile.limit(50), 0, 50));
        assertEquals(50, inFile.limit(50).count());
        assertArrayEquals(pixels, inFile.pixels());
    }

    @Test
    void aWrappedArrayIsUsedInPlace() {
        byte[] pixels = new byte[4];
        assertEquals(pixels, Dataset.of("i", "l", 1, 2, 2, ByteBuffer.wrap(pixels), new int[1]).pixels());
    }

    private static float[] batch(Dataset data, int[] order, int from, int n) {
        float[] x = new float[n * data.sampleSize()];
        data.copyBatch(order, from, n, x, new int[n]);
        return x;
    }

    private static float[] range(Dataset data, int from, int n) {
        float[] x = new float[n * data.sampleSize()];
        data.copyRange(from, n, x, new int[n]);
        return x;
    }
}
