package mtc.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Moves tensor data between little-endian bytes and Java arrays through one small buffer, so
 * that reading or writing a large tensor never holds a second full copy of it in memory.
 */
final class TensorBytes {
    private static final int CHUNK = 1 << 16;

    private TensorBytes() {}

    static void write(float[] data, OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; ) {
            buf.clear();
            int n = Math.min(data.length - i, CHUNK / Float.BYTES);
            buf.asFloatBuffer().put(data, i, n);
            out.write(buf.array(), 0, n * Float.BYTES);
            i += n;
        }
    }

    static void write(long[] data, OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; ) {
            buf.clear();
            int n = Math.min(data.length - i, CHUNK / Long.BYTES);
            buf.asLongBuffer().put(data, i, n);
            out.write(buf.array(), 0, n * Long.BYTES);
            i += n;
        }
    }

    /** Fills {@code dst} from the channel starting at byte {@code position}. */
    static void read(FileChannel ch, long position, float[] dst) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < dst.length; ) {
            int n = Math.min(dst.length - i, CHUNK / Float.BYTES);
            position = readFully(ch, position, buf, n * Float.BYTES);
            buf.asFloatBuffer().get(dst, i, n);
            i += n;
        }
    }

    /** Fills {@code dst} from the channel starting at byte {@code position}. */
    static void read(FileChannel ch, long position, long[] dst) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < dst.length; ) {
            int n = Math.min(dst.length - i, CHUNK / Long.BYTES);
            position = readFully(ch, position, buf, n * Long.BYTES);
            buf.asLongBuffer().get(dst, i, n);
            i += n;
        }
    }

    /** Reads exactly {@code bytes} into {@code buf} (flipped for reading); returns the next position. */
    static long readFully(FileChannel ch, long position, ByteBuffer buf, int bytes) throws IOException {
        buf.clear().limit(bytes);
        while (buf.hasRemaining()) {
            int r = ch.read(buf, position);
            if (r < 0) throw new EOFException("unexpected end of file");
            position += r;
        }
        buf.flip();
        return position;
    }
}
