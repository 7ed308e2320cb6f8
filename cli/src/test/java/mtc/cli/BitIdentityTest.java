package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mtc.io.TensorDigests;
import mtc.testdata.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example model, trained 2 epochs on the first 6,400 MNIST samples with {@code --seed 7},
 * ends with exactly the tensors it ended with before the compiler core was reshaped: the
 * {@code bit-identity/*.digest} files hold the SHA-256 of each tensor's bytes as the build of
 * commit b40a030 saved them ({@code tools/digest.py} prints the same lines from a weights file).
 * A change to the IR, fusion, buffer planning or a kernel that alters one rounding shows here.
 */
class BitIdentityTest {
    private static final Path EXPECTED = Path.of("src/test/resources/bit-identity");

    @TempDir Path dir;

    @TestFactory
    Stream<DynamicTest> examplesTrainToTheRecordedTensors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXPECTED)) {
            for (Path expected : files.sorted().toList()) {
                String model = expected.getFileName().toString().replace(".digest", "");
                tests.add(DynamicTest.dynamicTest(model, () -> check(model, expected)));
            }
        }
        return tests.stream();
    }

    private void check(String model, Path expected) throws Exception {
        Path weights = dir.resolve(model + ".safetensors");
        CliRun run = mtc("train", "../examples/" + model + ".mt", "--data", SharedData.mnist().toString(),
                "--limit", "6400", "--epochs", "2", "--seed", "7", "--save", weights.toString());
        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals(Files.readString(expected), TensorDigests.of(weights));
    }
}
