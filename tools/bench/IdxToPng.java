import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Writes an MNIST-format folder out as an image folder (DIR/train/LABEL/N.png, DIR/test/...), to
 * time training on pictures against training on the IDX files they came from:
 *   java tools/bench/IdxToPng.java ../shared/data/mnist /tmp/mnist-png
 */
public class IdxToPng {
    public static void main(String[] args) throws Exception {
        Path from = Path.of(args[0]), to = Path.of(args[1]);
        write(from, "train", to.resolve("train"));
        write(from, "t10k", to.resolve("test"));
    }

    private static void write(Path from, String prefix, Path dir) throws IOException {
        byte[] images = read(from.resolve(prefix + "-images-idx3-ubyte.gz"), 16);
        byte[] labels = read(from.resolve(prefix + "-labels-idx1-ubyte.gz"), 8);
        for (int c = 0; c < 10; c++) Files.createDirectories(dir.resolve(Integer.toString(c)));
        IntStream.range(0, labels.length).parallel().forEach(i -> {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 784; p++) img.getRaster().setSample(p % 28, p / 28, 0, images[i * 784 + p] & 0xFF);
            try {
                ImageIO.write(img, "png", dir.resolve(labels[i] + "/" + String.format("%05d.png", i)).toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The content of a gzipped IDX file past its header of {@code header} bytes. */
    private static byte[] read(Path file, int header) throws IOException {
        try (InputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            in.skipNBytes(header);
            return in.readAllBytes();
        }
    }
}
