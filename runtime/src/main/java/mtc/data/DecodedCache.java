package mtc.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import mtc.io.AtomicFiles;

/**
 * Keeps gzip-compressed IDX files decoded, as raw IDX files in the per-user cache
 * ({@code ~/.cache/mtc/decoded}), so that only the first run pays for inflating them: MNIST's
 * training images take 0.2-0.4 s to inflate and 20-40 ms to read raw. An entry is named after the
 * source's path, size and modification time, so a changed source is decoded again; it is read, and
 * checked, by {@link IdxReader} like any raw file. Small files are read directly: inflating them
 * costs less than a file in the cache. Failing to write the cache only costs the next run time.
 */
final class DecodedCache {
    /** Compressed files below this size inflate in a few milliseconds: not worth an entry. */
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

    /** Reads {@code path} ({@code expectedDims} dimensions), through the cache when it is large and compressed. */
    IdxArray read(Path path, int expectedDims) throws DataException {
        Path entry = entryFor(path);
        if (entry == null) return IdxReader.read(path, expectedDims);
        if (Files.isRegularFile(entry)) {
            IdxArray cached = IdxReader.read(entry, expectedDims);
            return new IdxArray(path.toString(), cached.dims(), cached.data());
        }
        IdxArray decoded = IdxReader.read(path, expectedDims);
        try {
            AtomicFiles.write(entry, out -> IdxReader.write(decoded, out));
        } catch (IOException | RuntimeException e) {
            // an unwritable cache: the next run decodes again
        }
        return decoded;
    }

    /** The entry {@code path} would have, or null when it is small, raw or not a readable file. */
    private Path entryFor(Path path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile() || attrs.size() < MIN_SOURCE_BYTES || !IdxReader.isGzip(path)) return null;
            String key = path.toRealPath() + "\n" + attrs.size() + "\n" + attrs.lastModifiedTime().toMillis();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".idx");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
