package mtc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodedCacheTest {
    /** Random pixels do not compress: 1500 images of 28x28 make a gzip file above the cache's threshold. */
    private static final int[] DIMS = {1500, 28, 28};

    @TempDir Path dir;

    @Test
    void aLargeGzipFileIsDecodedOnceThenReadFromTheCache() throws Exception {
        byte[] pixels = pixels(1);
        Path source = write("images.gz", pixels);
        DecodedCache cache = new DecodedCache(dir.resolve("cache"));

        IdxArray first = cache.read(source, 3);
        List<Path> entries = entries();
        assertEquals(1, entries.size());
        assertArrayEquals(IdxFixtures.idx(DIMS, pixels), Files.readAllBytes(entries.get(0)));

        Files.write(entries.get(0), IdxFixtures.idx(DIMS, pixels(2))); // proves the second read uses the entry
        IdxArray second = cache.read(source, 3);
        assertArrayEquals(pixels, first.data());
        assertArrayEquals(pixels(2), second.data());
        assertArrayEquals(DIMS, second.dims());
        assertEquals(source.toString(), second.file(), "messages name the user's file, not the cache's");
    }

    @Test
    void aChangedSourceIsDecodedAgain() throws Exception {
        Path source = write("images.gz", pixels(1));
        DecodedCache cache = new DecodedCache(dir.resolve("cache"));
        cache.read(source, 3);
        write("images.gz", pixels(3));
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 2000));
        assertArrayEquals(pixels(3), cache.read(source, 3).data());
        assertEquals(2, entries().size());
    }

    @Test
    void smallAndRawFilesAreNotCached() throws Exception {
        DecodedCache cache = new DecodedCache(dir.resolve("cache"));
        Path raw = dir.resolve("images");
        Files.write(raw, IdxFixtures.idx(DIMS, pixels(1)));
        Path small = dir.resolve("small.gz");
        Files.write(small, IdxFixtures.gzip(IdxFixtures.idx(new int[] {2, 2, 2}, new byte[8])));
        assertArrayEquals(pixels(1), cache.read(raw, 3).data());
        assertArrayEquals(new byte[8], cache.read(small, 3).data());
        assertFalse(Files.exists(dir.resolve("cache")));
    }

    @Test
    void anUnwritableCacheOnlyCostsTime() throws Exception {
        Path source = write("images.gz", pixels(1));
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        assertArrayEquals(pixels(1), new DecodedCache(notAFolder).read(source, 3).data());
        assertTrue(Files.isRegularFile(notAFolder));
    }

    private Path write(String name, byte[] pixels) throws IOException {
        Path file = dir.resolve(name);
        byte[] gz = IdxFixtures.gzip(IdxFixtures.idx(DIMS, pixels));
        assertTrue(gz.length >= DecodedCache.MIN_SOURCE_BYTES);
        return Files.write(file, gz);
    }

    private static byte[] pixels(long seed) {
        byte[] b = new byte[DIMS[0] * DIMS[1] * DIMS[2]];
        new Random(seed).nextBytes(b);
        return b;
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            return files.toList();
        }
    }
}
