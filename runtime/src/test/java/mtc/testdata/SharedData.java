package mtc.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real MNIST copy in {@code ../shared/data/mnist} beside the project, for tests that need
 * real images. Missing, it skips such a test on a developer's machine but fails it under CI
 * ({@code CI=true}), where a skip would hide that the test never ran.
 */
public final class SharedData {
    /** Relative to a module folder, which is where Maven runs its tests. */
    private static final Path MNIST = Path.of("../../shared/data/mnist");

    private SharedData() {}

    public static Path mnist() {
        if (!Files.isDirectory(MNIST)) {
            String why = "the shared MNIST copy is not at " + MNIST.toAbsolutePath().normalize();
            if ("true".equals(System.getenv("CI"))) fail(why + " (required under CI)");
            assumeTrue(false, why);
        }
        return MNIST;
    }
}
