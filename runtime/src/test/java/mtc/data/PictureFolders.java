package mtc.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small image folders ({@code DIR/train/CLASS/*.png}, {@code DIR/test/...}) written for tests. */
final class PictureFolders {
    private PictureFolders() {}

    /** A {@code side x side} grey PNG whose pixel {@code i} (row-major) is {@code (seed + 7 * i) % 256}. */
    static Path grey(Path file, int side, int seed) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < side * side; i++) img.getRaster().setSample(i % side, i / side, 0, value(seed, i));
        return write(img, file);
    }

    /** A {@code side x side} RGB PNG of one colour. */
    static Path colour(Path file, int side, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < side * side; i++) img.setRGB(i % side, i / side, rgb);
        return write(img, file);
    }

    /** The grey level {@link #grey} gives pixel {@code i}. */
    static int value(int seed, int i) {
        return (seed + 7 * i) % 256;
    }

    /**
     * A folder with classes {@code cat} (2 training pictures, 1 test) and {@code dog} (1 and 1)
     * of {@code side x side} grey pictures seeded 1, 2 (cat), 3 (dog); 4 (test cat), 5 (test dog).
     */
    static Path catsAndDogs(Path dir, int side) throws IOException {
        grey(dir.resolve("train/cat/a.png"), side, 1);
        grey(dir.resolve("train/cat/b.png"), side, 2);
        grey(dir.resolve("train/dog/a.png"), side, 3);
        grey(dir.resolve("test/cat/x.png"), side, 4);
        grey(dir.resolve("test/dog/y.png"), side, 5);
        return dir;
    }

    private static Path write(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
