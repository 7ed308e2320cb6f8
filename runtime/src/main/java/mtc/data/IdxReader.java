package mtc.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), raw or gzip-compressed; which one is told
 * by the content, not the name. Every claim the header makes is checked against the bytes that
 * follow, and the value buffer only grows as data actually arrives, so a header claiming a huge
 * size cannot make the reader allocate it.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMS = 4;

    private IdxReader() {}

    /** Reads {@code path}, which must hold an IDX array with {@code expectedDims} dimensions. */
    public static IdxArray read(Path path, int expectedDims) throws DataException {
        String file = path.toString();
        try (InputStream in = open(path)) {
            int[] dims = header(file, in, expectedDims);
            return new IdxArray(file, dims, values(file, in, dims, plausibleBytes(path)));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new DataException(file + ": truncated: the file ends inside " + (isGzip(path) ? "its gzip stream"
                    : "its header"));
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Exactly the values the dimensions announce: no fewer, no more. The buffer is allocated at
     * once only when the file could hold that much; otherwise it grows as data arrives.
     */
    private static byte[] values(String file, InputStream in, int[] dims, long plausible)
            throws IOException, DataException {
        long size = product(dims);
        if (size > Integer.MAX_VALUE - 16) throw new DataException(file + ": " + dimsText(dims) + " is too large");
        byte[] data;
        int read;
        if (size <= plausible) {
            data = new byte[(int) size];
            read = in.readNBytes(data, 0, data.length);
        } else {
            data = in.readNBytes((int) size);
            read = data.length;
        }
        if (read < size) {
            throw new DataException(file + ": truncated: the header announces " + dimsText(dims) + " = " + size
                    + " values, but the file ends after " + read);
        }
        if (in.read() >= 0) {
            throw new DataException(file + ": longer than its header's " + dimsText(dims) + " = " + size
                    + " values: wrong dimensions or not an IDX file");
        }
        return data;
    }

    /** The most bytes {@code path} can hold: its size, or what deflate's best ratio (1032:1) could expand it to. */
    private static long plausibleBytes(Path path) throws IOException {
        return Files.size(path) * (isGzip(path) ? 1032 : 1);
    }

    static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The values of an IDX file, in a buffer from its index 0: a mapped file or a wrapped array. */
    record Values(String file, int[] dims, ByteBuffer data) {}

    /**
     * Maps the values of the raw IDX file {@code path} into memory, after checking its header as
     * {@link #read} does and that the file holds exactly the values it announces; {@code file}
     * names it in messages.
     */
    static Values map(Path path, String file, int expectedDims) throws DataException {
        try (FileChannel channel = FileChannel.open(path)) {
            int[] dims = header(file, new BufferedInputStream(Channels.newInputStream(channel), 64), expectedDims);
            long start = 4 + 4L * dims.length;
            if (channel.size() - start != product(dims) || product(dims) > Integer.MAX_VALUE - 16) {
                IdxReader.read(path, expectedDims); // says what is wrong with the length or size
                throw new DataException(file + ": changed while being read");
            }
            return new Values(file, dims, channel.map(FileChannel.MapMode.READ_ONLY, start, product(dims)));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (EOFException e) {
            throw new DataException(file + ": truncated: the file ends inside its header");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Writes {@code array} as a raw IDX file of unsigned bytes, which {@link #read} reads back as it was. */
    static void write(IdxArray array, OutputStream out) throws IOException {
        out.write(new byte[] {0, 0, UNSIGNED_BYTE, (byte) array.dims().length});
        for (int d : array.dims()) out.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        out.write(array.data());
    }

    static boolean isGzip(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    private static int[] header(String file, InputStream in, int expectedDims) throws IOException, DataException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4 || magic[0] != 0 || magic[1] != 0 || magic[2] != UNSIGNED_BYTE || magic[3] < 1
                || magic[3] > MAX_DIMS) {
            throw new DataException(file + ": not an IDX file of unsigned bytes (wrong magic number "
                    + hex(magic) + ", expected 0x0000080" + expectedDims + ")");
        }
        if (magic[3] != expectedDims) {
            throw new DataException(file + ": expected " + (expectedDims == 1 ? "labels (1 dimension)"
                    : "images (" + expectedDims + " dimensions)") + ", found " + magic[3] + " dimensions");
        }
        int[] dims = new int[expectedDims];
        for (int i = 0; i < dims.length; i++) dims[i] = dimension(file, in);
        return dims;
    }

    private static int dimension(String file, InputStream in) throws IOException, DataException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) throw new EOFException();
        long d = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (d == 0 || d > Integer.MAX_VALUE) throw new DataException(file + ": invalid dimension " + d + " in header");
        return (int) d;
    }

    private static long product(int[] dims) {
        long n = 1;
        try {
            for (int d : dims) n = Math.multiplyExact(n, d);
            return n;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Dimensions as messages show them, e.g. {@code 60000x28x28}. */
    private static String dimsText(int[] dims) {
        return Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : bytes) sb.append(String.format("%02x", b & 0xFF));
        return sb.toString();
    }
}
