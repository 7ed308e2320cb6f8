package mtc.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SHA-256 of the four raw MNIST files, so that data obtained from a package registry is only
 * used when it is byte for byte the real MNIST. Kept in the code (not read from a file beside the
 * project) so that the program verifies downloads wherever it runs.
 */
public final class MnistChecksums {
    static final Map<String, String> SHA256 = Map.of(
            MnistFiles.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            MnistFiles.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
            MnistFiles.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            MnistFiles.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");

    private MnistChecksums() {}

    /** Throws unless each of the four raw files in {@code dir} has its expected SHA-256. */
    public static void verify(Path dir, Map<String, String> expected) throws DataException {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            String found = sha256(file);
            if (!found.equals(e.getValue())) {
                throw new DataException(e.getKey() + ": SHA-256 mismatch: expected " + e.getValue() + ", found "
                        + found + "; the downloaded data is refused");
            }
        }
    }

    /** The SHA-256 of {@code file} in lower-case hex. */
    static String sha256(Path file) throws DataException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The SHA-256 of what {@code in} holds, in lower-case hex. */
    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
