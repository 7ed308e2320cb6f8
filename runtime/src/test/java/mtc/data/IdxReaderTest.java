package mtc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir Path dir;

    private static final byte[] GOOD = IdxFixtures.idx(new int[] {2, 2, 3}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9,
            10, 11, (byte) 255});

    @Test
    void readsRawAndGzipAlike() throws Exception {
        Path raw = write("a", GOOD);
        Path gz = write("a.gz", IdxFixtures.gzip(GOOD));
        for (Path p : new Path[] {raw, gz}) {
            IdxArray a = IdxReader.read(p, 3);
            assertArrayEquals(new int[] {2, 2, 3}, a.dims());
            assertArrayEquals(Arrays.copyOfRange(GOOD, 16, GOOD.length), a.data());
        }
    }

    @Test
    void truncatedData() throws Exception {
        assertError(write("t", Arrays.copyOf(GOOD, GOOD.length - 2)), 3,
                "t: truncated: the header announces 2x2x3 = 12 values, but the file ends after 10");
    }

    @Test
    void truncatedHeader() throws Exception {
        assertError(write("t", Arrays.copyOf(GOOD, 9)), 3, "t: truncated: the file ends inside its header");
    }

    @Test
    void wrongMagic() throws Exception {
        byte[] bad = GOOD.clone();
        bad[2] = 0x0D;
        assertError(write("m", bad), 3, "m: not an IDX file of unsigned bytes (wrong magic number 0x00000d03");
    }

    @Test
    void wrongNumberOfDimensions() throws Exception {
        assertError(write("d", GOOD), 1, "d: expected labels (1 dimension), found 3 dimensions");
    }

    @Test
    void moreDataThanTheHeaderSays() throws Exception {
        assertError(write("x", Arrays.copyOf(GOOD, GOOD.length + 5)), 3, "x: longer than its header's 2x2x3");
    }

    @Test
    void corruptGzip() throws Exception {
        byte[] gz = IdxFixtures.gzip(GOOD);
        for (int i = 12; i < gz.length - 8; i++) gz[i] ^= 0x5A;
        assertError(write("c.gz", gz), 3, "c.gz: corrupt gzip data");
    }

    @Test
    void hugeClaimedSizeDoesNotAllocate() throws Exception {
        byte[] liar = IdxFixtures.idx(new int[] {2_000_000_000, 28, 28}, new byte[10]);
        assertError(write("h", liar), 3, "h: 2000000000x28x28 is too large");
        byte[] smallLiar = IdxFixtures.idx(new int[] {1_000_000, 28, 28}, new byte[10]);
        assertError(write("s", smallLiar), 3, "s: truncated: the header announces 1000000x28x28");
    }

    @Test
    void missingFile() {
        assertError(dir.resolve("nope"), 3, "nope: no such file");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void assertError(Path file, int dims, String expected) {
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(file, dims));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }
}
