package mtc.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a picture (PNG, or any format the JDK reads) for {@code mtc predict} and turns it into
 * one model input, prepared the way the model's training data was ({@link InputStyle}): as MNIST's
 * own images were made ({@link DigitNormalizer}), or as an image folder's pictures were read.
 * Only the header is read before the size is checked, so a huge image is refused, not decoded.
 */
public final class ImageInput {
    static final long MAX_PIXELS = 40_000_000;

    private ImageInput() {}

    /** The {@code [C,H,W]} (or {@code [H,W]}, or {@code [H*W]} for square H) image a model takes. */
    public record Target(int channels, int height, int width) {
        public int size() { return channels * height * width; }
    }

    /** What image {@code inputShape} describes, or an error saying it is not an image. */
    public static Target target(List<Integer> inputShape) throws DataException {
        int rank = inputShape.size();
        if (rank == 3) return new Target(inputShape.get(0), inputShape.get(1), inputShape.get(2));
        if (rank == 2) return new Target(1, inputShape.get(0), inputShape.get(1));
        int side = rank == 1 ? (int) Math.round(Math.sqrt(inputShape.get(0))) : -1;
        if (side > 0 && side * side == inputShape.get(0)) return new Target(1, side, side);
        throw new DataException("the model takes input " + inputShape.toString().replace(" ", "")
                + ", which is not a square image, so pictures cannot be converted to it");
    }

    /** Reads {@code file} and converts it to {@code target} the way {@code style} says, values in [0,1]. */
    public static float[] read(Path file, Target target, InputStyle style) throws DataException {
        if (style == InputStyle.DIGITS) return read(file, target);
        byte[] bytes = new byte[target.size()];
        ImageBytes.read(file, target, bytes, 0);
        float[] out = new float[bytes.length];
        PixelScale.toUnitFloats(bytes, 0, out, 0, bytes.length);
        return out;
    }

    /** Reads {@code file} as a digit ({@link DigitNormalizer}) at {@code target}'s size, channels repeated. */
    public static float[] read(Path file, Target target) throws DataException {
        float[] grey = DigitNormalizer.normalize(Greyscale.of(decode(file)), target.height(), target.width());
        float[] out = new float[target.size()];
        for (int c = 0; c < target.channels(); c++) System.arraycopy(grey, 0, out, c * grey.length, grey.length);
        return out;
    }

    static BufferedImage decode(Path file) throws DataException {
        if (!Files.isRegularFile(file)) throw new DataException(file + ": no such file");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new DataException(file + ": not a PNG (or other"
                    + " readable) image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(file, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": cannot read the image: " + e.getMessage());
        }
    }

    private static void checkSize(Path file, int width, int height) throws DataException {
        if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
            throw new DataException(file + ": a " + width + "x" + height + " image is too large (the limit is "
                    + MAX_PIXELS / 1_000_000 + " megapixels)");
        }
    }
}
