package mtc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void aLargeGzipFileIsDecodedOnceThenMappedFromTheCache() throws Exception {
        byte[] pixels = pixels(1);
        Path source = write("images.gz", pixels);
        DecodedCache cache = new DecodedCache(dir.resolve("cache"));

        IdxReader.Values first = cache.read(source, 3);
        List<Path> entries = entries();
        assertEquals(1, entries.size());
        assertArrayEquals(IdxFixtures.idx(DIMS, pixels), Files.readAllBytes(entries.get(0)));

        Files.delete(entries.get(0)); // a new file: the first read's mapping keeps the old one's bytes
        Files.write(entries.get(0), IdxFixtures.idx(DIMS, pixels(2))); // proves the second read uses the entry
        IdxReader.Values second = cache.read(source, 3);
        assertArrayEquals(pixels, bytes(first));
        assertArrayEquals(pixels(2), bytes(second));
        assertArrayEquals(DIMS, second.dims());
        assertEquals(source.toString(), second.file(), "messages name the user's file, not the cache's");
    }

    @Test
    void aDamagedEntryIsDecodedAgain() throws Exception {
        Path source = write("images.gz", pixels(1));
        DecodedCache cache = new DecodedCache(dir.resolve("cache"));
        cache.read(source, 3);
        Path entry = entries().get(0);
        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 100));
        assertArrayEquals(pixels(1), bytes(cache.read(source, 3)));
        assertEquals(IdxFixtures.idx(DIMS, pixels(1)).length, Files.size(entry));
    }

    @Test
    void aChangedSourceIsDecodedAgain() throws Exception {
        Path source = write("images.gz", pixels(1));
        DecodedCache cache = new DecodedCache(dir.resolve("cache"));
        cache.read(source, 3);
        write("images.gz", pixels(3));
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 2000));
        assertArrayEquals(pixels(3), bytes(cache.read(source, 3)));
        assertEquals(2, entries().size());
    }

    @Test
    void smallAndRawFilesAreNotCached() throws Exception {
        DecodedCache cache = new DecodedCache(dir.resolve("cache"));
        Path raw = dir.resolve("images");
        Files.write(raw, IdxFixtures.idx(DIMS, pixels(1)));
        Path small = dir.resolve("small.gz");
        Files.write(small, IdxFixtures.gzip(IdxFixtures.idx(new int[] {2, 2, 2}, new byte[8])));
        assertArrayEquals(pixels(1), bytes(cache.read(raw, 3)));
        assertTrue(cache.read(raw, 3).data().isDirect(), "a large raw file is mapped");
        assertArrayEquals(new byte[8], bytes(cache.read(small, 3)));
        assertFalse(Files.exists(dir.resolve("cache")));
    }

    @Test
    void aLargeRawFileOfTheWrongLengthIsRefusedAsTheReaderRefusesIt() throws Exception {
        byte[] full = IdxFixtures.idx(DIMS, pixels(1));
        Path raw = Files.write(dir.resolve("images"), java.util.Arrays.copyOf(full, full.length - 2));
        DataException e = assertThrows(DataException.class, () -> new DecodedCache(dir.resolve("cache")).read(raw, 3));
        assertEquals(raw + ": truncated: the header announces 1500x28x28 = 1176000 values, but the file ends after "
                + "1175998", e.getMessage());
        Files.write(raw, java.util.Arrays.copyOf(full, full.length + 1));
        e = assertThrows(DataException.class, () -> new DecodedCache(dir.resolve("cache")).read(raw, 3));
        assertTrue(e.getMessage().startsWith(raw + ": longer than its header's 1500x28x28"), e.getMessage());
    }

    @Test
    void anUnwritableCacheOnlyCostsTime() throws Exception {
        Path source = write("images.gz", pixels(1));
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        assertArrayEquals(pixels(1), bytes(new DecodedCache(notAFolder).read(source, 3)));
        assertTrue(Files.isRegularFile(notAFolder));
    }

    private Path write(String name, byte[] pixels) throws IOException {
        Path file = dir.resolve(name);
        byte[] gz = IdxFixtures.gzip(IdxFixtures.idx(DIMS, pixels));
        assertTrue(gz.length >= DecodedCache.MIN_SOURCE_BYTES);
        return Files.write(file, gz);
    }

    private static byte[] bytes(IdxReader.Values values) {
        byte[] b = new byte[values.data().capacity()];
        values.data().get(0, b);
        return b;
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
