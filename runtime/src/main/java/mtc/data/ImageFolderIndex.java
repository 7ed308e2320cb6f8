package mtc.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pictures of an image folder in torchvision's {@code ImageFolder} layout
 * ({@code DIR/train/CLASS/*.png}, {@code DIR/test/CLASS/...}; JPEG too), classes sorted by name
 * and files by name within a class, checked before any is decoded: every class of {@code train}
 * has a picture, and {@code test} has no class that {@code train} lacks.
 *
 * @param classes the class names, from {@code train}'s sub-folders
 * @param train   the training pictures, labelled by the index of their class
 * @param test    the test pictures, labelled the same way
 */
record ImageFolderIndex(Path dir, List<String> classes, List<Picture> train, List<Picture> test) {
    /** One picture, its class index, and its size and modification time (which the cache's stamp is made of). */
    record Picture(Path file, int label, long size, long modified) {}

    /** Whether {@code dir} is laid out as an image folder (it has a {@code train} sub-folder). */
    static boolean looksLike(Path dir) {
        return Files.isDirectory(dir.resolve("train"));
    }

    static ImageFolderIndex of(Path dir) throws DataException {
        Path trainDir = dir.resolve("train"), testDir = dir.resolve("test");
        if (!Files.isDirectory(testDir)) {
            throw new DataException(dir + ": an image folder needs a test folder beside train (" + testDir
                    + ", with one sub-folder per class)");
        }
        List<String> classes = subfolders(trainDir);
        if (classes.isEmpty()) {
            throw new DataException(trainDir + ": no class folders (put the pictures of each class in "
                    + trainDir + "/CLASS/)");
        }
        for (String name : classes) {
            if (name.contains("\n")) {
                throw new DataException(trainDir.resolve(name) + ": a class name with a line break (the weights keep"
                        + " one name per line); rename the folder");
            }
        }
        for (String name : subfolders(testDir)) {
            if (!classes.contains(name)) {
                throw new DataException(testDir.resolve(name) + ": class " + name + " is not in " + trainDir
                        + " (whose classes are " + String.join(", ", classes) + ")");
            }
        }
        return new ImageFolderIndex(dir, classes, pictures(trainDir, classes, true), pictures(testDir, classes, false));
    }

    /** Every picture below {@code setDir}, class by class; a class folder without any is an error. */
    private static List<Picture> pictures(Path setDir, List<String> classes, boolean all) throws DataException {
        List<Picture> out = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            Path classDir = setDir.resolve(classes.get(label));
            if (!all && !Files.isDirectory(classDir)) continue; // the test set may leave a class out
            List<Picture> files = picturesIn(classDir, label);
            if (files.isEmpty()) {
                throw new DataException(classDir + ": an empty class: no .png, .jpg or .jpeg pictures in it");
            }
            out.addAll(files);
        }
        return out;
    }

    /**
     * The pictures in {@code classDir}, sorted by name. One walk reads each file's attributes once:
     * 70,000 pictures cost 70,000 stat calls here and none later, where listing, then asking
     * whether each is a file, then for its size and time took three times as many (and seconds).
     */
    private static List<Picture> picturesIn(Path classDir, int label) throws DataException {
        List<Picture> found = new ArrayList<>();
        try {
            Files.walkFileTree(classDir, Set.of(), 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    if (a.isRegularFile() && isPicture(file)) {
                        found.add(new Picture(file, label, a.size(), a.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DataException(classDir + ": cannot list the folder: " + e.getMessage());
        }
        found.sort(Comparator.comparing(Picture::file));
        return found;
    }

    private static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    private static List<String> subfolders(Path dir) throws DataException {
        return list(dir, Files::isDirectory).stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.startsWith(".")).toList();
    }

    /** The entries of {@code dir} that pass {@code filter}, sorted by name. */
    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) throws DataException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(dir + ": cannot list the folder: " + e.getMessage());
        }
    }
}
