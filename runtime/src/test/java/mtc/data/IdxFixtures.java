package mtc.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small IDX files and MNIST-like folders for tests. */
final class IdxFixtures {
    private IdxFixtures() {}

    /** An IDX file of unsigned bytes with the given dimensions and values. */
    static byte[] idx(int[] dims, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        b.put(new byte[] {0, 0, 8, (byte) dims.length});
        for (int d : dims) b.putInt(d);
        return b.put(values).array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** {@code count} images of {@code side x side} whose pixels all equal their index, labels index % 10. */
    static void writeSplit(Path dir, String images, String labels, int count, int side) throws IOException {
        byte[] pixels = new byte[count * side * side];
        byte[] ys = new byte[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * side * side, (i + 1) * side * side, (byte) i);
            ys[i] = (byte) (i % 10);
        }
        Files.write(dir.resolve(images + ".gz"), gzip(idx(new int[] {count, side, side}, pixels)));
        Files.write(dir.resolve(labels), idx(new int[] {count}, ys));
    }

    /** A folder with all four files: 20 training and 10 test images of 28x28. */
    static Path mnistLike(Path dir) throws IOException {
        writeSplit(dir, MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS, 20, 28);
        writeSplit(dir, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS, 10, 28);
        return dir;
    }
}
