package mtc.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The data beside the project that tests read: missing, a test is skipped, except under CI where it fails. */
final class SharedData {
    static final Path MNIST = Path.of("../../shared/data/mnist");
    static final Path DEBIAN_FASHION = DataSources.DEBIAN_DATASETS.resolve("fashion-mnist");

    private SharedData() {}

    /** {@code dir}, which must exist under CI ({@code CI=true}); elsewhere the test is skipped without it. */
    static Path require(Path dir) {
        String why = dir + " holds the data this test needs";
        if ("true".equals(System.getenv("CI"))) assertTrue(Files.isDirectory(dir), why);
        Assumptions.assumeTrue(Files.isDirectory(dir), why);
        return dir;
    }

    /** Fashion-MNIST as Debian installs it; a machine without the package skips the test, CI included. */
    static Path fashion() {
        Assumptions.assumeTrue(MnistFiles.complete(DEBIAN_FASHION), "apt-get install dataset-fashion-mnist");
        return DEBIAN_FASHION;
    }
}
