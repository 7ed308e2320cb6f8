package mtc.driver;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import mtc.codegen.GeneratedClass;

/**
 * Writes a generated class below an output folder, at the path its name gives
 * ({@code DIR/mtc/gen/MnistMlp.class}, so that DIR works as a class path root). The bytes go to
 * a temporary file that is then moved into place, so a crash never leaves half a class behind.
 */
public final class ClassFileWriter {
    private ClassFileWriter() {}

    /** Writes {@code generated} below {@code dir} and returns the class file's path. */
    public static Path write(Path dir, GeneratedClass generated) throws IOException {
        Path target = dir.resolve(generated.relativePath());
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".mtc-", ".tmp");
        try {
            Files.write(temp, generated.bytes());
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
