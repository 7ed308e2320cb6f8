package mtc.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks before training that the files it will write ({@code --save}, {@code --metrics}) can be
 * written, so that a typo in a path fails at once instead of after an hour of training; and
 * words file-system errors for people.
 */
final class TrainOutputCheck {
    private TrainOutputCheck() {}

    /** Throws if {@code file} (null for none) cannot be created or replaced. */
    static void writable(Path file, String option) throws IOException {
        if (file == null) return;
        if (Files.isDirectory(file)) throw new IOException(file + " (" + option + ") is a folder, not a file");
        Path folder = file.toAbsolutePath().getParent();
        while (folder != null && !Files.exists(folder)) folder = folder.getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new IOException(file + " (" + option + "): cannot write there"
                    + (folder == null ? "" : ", " + folder + " is not a writable folder"));
        }
    }

    /** A one-line description of an I/O failure, without Java class names. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) return f.getFile() + ": no such file or folder";
        if (e instanceof AccessDeniedException f) return f.getFile() + ": permission denied";
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? "file system error" : f.getReason());
        }
        return e.getMessage();
    }
}
