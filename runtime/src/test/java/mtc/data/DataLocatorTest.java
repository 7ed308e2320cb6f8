package mtc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    @TempDir Path dir;

    @Test
    void dataOptionWinsOverTheEnvironment() throws Exception {
        Path chosen = Files.createDirectory(dir.resolve("chosen"));
        var loc = DataLocator.locate(chosen, Map.of("MTC_DATA", dir.toString()), dir);
        assertEquals(new DataLocator.Location(chosen, false), loc);
    }

    @Test
    void environmentWinsOverTheCache() throws Exception {
        assertEquals(new DataLocator.Location(dir, false), DataLocator.locate(null, Map.of("MTC_DATA", dir.toString()),
                Path.of("/home/x")));
    }

    @Test
    void cacheFollowsXdgElseHome() throws Exception {
        assertEquals(Path.of("/xdg/mtc/mnist"),
                DataLocator.locate(null, Map.of("XDG_CACHE_HOME", "/xdg"), Path.of("/home/x")).dir());
        assertEquals(Path.of("/home/x/.cache/mtc/mnist"), DataLocator.locate(null, Map.of(), Path.of("/home/x")).dir());
    }

    @Test
    void aMissingUserFolderIsAnErrorNeverAFetch() throws Exception {
        DataException e = assertThrows(DataException.class,
                () -> DataLocator.obtain(dir.resolve("nope"), Map.of(), dir, s -> { }));
        assertEquals(dir.resolve("nope") + ": no such folder (from --data)", e.getMessage());
        Path file = Files.writeString(dir.resolve("file"), "x");
        e = assertThrows(DataException.class, () -> DataLocator.locate(null, Map.of("MTC_DATA", file.toString()), dir));
        assertEquals(file + ": not a folder (from $MTC_DATA)", e.getMessage());
    }

    @Test
    void aCompleteCacheIsUsedWithoutFetching() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("mtc/mnist"));
        IdxFixtures.mnistLike(cache);
        List<String> status = new ArrayList<>();
        var location = DataLocator.obtain(null, Map.of("XDG_CACHE_HOME", dir.toString()), dir, status::add);
        assertEquals(new DataLocator.Location(cache, true), location);
        assertTrue(status.isEmpty());
        assertEquals("x: truncated (delete " + cache + " to obtain MNIST again)",
                location.withAdvice(new DataException("x: truncated")).getMessage());
    }
}
