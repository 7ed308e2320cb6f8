package mtc.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import mtc.io.AtomicFiles;

/**
 * Reads large IDX files by mapping them into memory, and keeps gzip-compressed ones decoded, as raw
 * IDX files in the per-user cache ({@code ~/.cache/mtc/decoded}), so that only the first run pays
 * for inflating them. MNIST's training images took 0.2-0.4 s to inflate and as long again to copy
 * into a fresh array; mapped from the page cache they are ready in 50-100 ms. An entry is named
 * after the source's path, size and modification time, so a changed source is decoded again, and
 * it is checked like any raw file. Small files are read into an array: inflating them costs less
 * than a file in the cache. Failing to write the cache only costs the next run time.
 */
final class DecodedCache {
    /** Files below this size are read in a few milliseconds: not worth an entry or a mapping. */
    static final long MIN_SOURCE_BYTES = 1 << 20;

    private final Path dir;

    DecodedCache(Path dir) {
        this.dir = dir;
    }

    /** The cache of this user: {@code decoded} in mtc's cache folder. */
    static DecodedCache ofUser() {
        return new DecodedCache(DataLocator.cacheRoot(System.getenv(), Path.of(System.getProperty("user.home")))
                .resolve("decoded"));
    }

    /** Reads {@code path} ({@code expectedDims} dimensions): mapped when it is large, through the cache when compressed too. */
    IdxReader.Values read(Path path, int expectedDims) throws DataException {
        String file = path.toString();
        BasicFileAttributes attrs = attributes(path);
        if (attrs == null || attrs.size() < MIN_SOURCE_BYTES) return inArray(IdxReader.read(path, expectedDims));
        if (!IdxReader.isGzip(path)) return IdxReader.map(path, file, expectedDims);
        Path entry = entryFor(path, attrs);
        if (entry != null && Files.isRegularFile(entry)) {
            try {
                return IdxReader.map(entry, file, expectedDims);
            } catch (DataException e) {
                deleteQuietly(entry); // damaged outside mtc, which writes entries whole: decoded again below
            }
        }
        IdxArray decoded = IdxReader.read(path, expectedDims);
        if (entry == null) return inArray(decoded);
        try {
            AtomicFiles.write(entry, out -> IdxReader.write(decoded, out));
            return IdxReader.map(entry, file, expectedDims);
        } catch (IOException | DataException | RuntimeException e) {
            return inArray(decoded); // an unwritable cache: the next run decodes again
        }
    }

    private static void deleteQuietly(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            // then it is written over
        }
    }

    private static IdxReader.Values inArray(IdxArray array) {
        return new IdxReader.Values(array.file(), array.dims(), ByteBuffer.wrap(array.data()));
    }

    /** The file's attributes, or null when they cannot be read (the reader then says what is wrong). */
    private static BasicFileAttributes attributes(Path path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            return attrs.isRegularFile() ? attrs : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The entry of {@code path}, or null when its real path cannot be known. */
    private Path entryFor(Path path, BasicFileAttributes attrs) {
        try {
            String key = path.toRealPath() + "\n" + attrs.size() + "\n" + attrs.lastModifiedTime().toMillis();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".idx");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
