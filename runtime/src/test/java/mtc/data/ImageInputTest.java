package mtc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mtc.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputTest {
    private static final ImageInput.Target MNIST = new ImageInput.Target(1, 28, 28);

    @TempDir Path dir;

    @Test
    void inputShapesThatAreImages() throws Exception {
        assertEquals(MNIST, ImageInput.target(List.of(784)));
        assertEquals(MNIST, ImageInput.target(List.of(1, 28, 28)));
        assertEquals(new ImageInput.Target(1, 8, 6), ImageInput.target(List.of(8, 6)));
        DataException e = assertThrows(DataException.class, () -> ImageInput.target(List.of(10)));
        assertEquals("the model takes input [10], which is not a square image, so pictures cannot be converted to it",
                e.getMessage());
    }

    @Test
    void aDarkStrokeOnWhitePaperBecomesACentredWhiteDigitOnBlack() throws Exception {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(12));
        g.drawLine(40, 20, 40, 180);
        g.dispose();
        float[] x = ImageInput.read(png(img), MNIST);
        assertEquals(784, x.length);
        assertEquals(0f, x[0]);
        double mass = 0, my = 0, mx = 0, max = 0;
        for (int i = 0; i < 784; i++) {
            mass += x[i];
            mx += x[i] * (i % 28);
            my += x[i] * (i / 28);
            max = Math.max(max, x[i]);
        }
        assertTrue(max > 0.9 && max <= 1, "max " + max);
        assertEquals(14, mx / mass, 0.6);
        assertEquals(14, my / mass, 0.6);
        int rows = 0;
        for (int r = 0; r < 28; r++) if (x[r * 28 + 14] > 0.5 || x[r * 28 + 13] > 0.5) rows++;
        assertEquals(20, rows, 1);
    }

    @Test
    void anMnistImageComesBackAlmostUnchanged() throws Exception {
        Dataset test = DatasetReader.test(SharedData.mnist());
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = test.pixels(); // a copy: MNIST's test images are mapped
        for (int i = 0; i < 784; i++) img.getRaster().setSample(i % 28, i / 28, 0, pixels[i] & 0xFF);
        float[] x = ImageInput.read(png(img), MNIST);
        float[] original = new float[784];
        test.copyRange(0, 1, original, new int[1]);
        double diff = 0;
        for (int i = 0; i < 784; i++) diff += Math.abs(x[i] - original[i]);
        assertTrue(diff / 784 < 0.05, "mean difference " + diff / 784);
    }

    @Test
    void aBlankImageIsAllZero() throws Exception {
        float[] x = ImageInput.read(png(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)), MNIST);
        for (float v : x) assertEquals(0f, v);
    }

    @Test
    void missingUnreadableAndHugeImagesAreRefused() throws Exception {
        assertError(dir.resolve("none.png"), "none.png: no such file");
        assertError(Files.writeString(dir.resolve("text.png"), "hello"), "text.png: not a PNG (or other readable)");
        byte[] ihdr = ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put("IHDR".getBytes()).putInt(100_000).putInt(100_000).put(new byte[] {8, 0, 0, 0, 0})
                .putInt(0).array();
        assertError(Files.write(dir.resolve("huge.png"), ihdr), "huge.png: a 100000x100000 image is too large");
    }

    private Path png(BufferedImage img) throws Exception {
        Path p = dir.resolve("img.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static void assertError(Path file, String expected) {
        DataException e = assertThrows(DataException.class, () -> ImageInput.read(file, MNIST));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
