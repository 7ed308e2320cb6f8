package mtc.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import mtc.runtime.StateLayout;
import mtc.runtime.TensorSpec;

/**
 * Moves tensor data between little-endian bytes and Java arrays through one small buffer, so
 * that reading or writing a large tensor never holds a second full copy of it in memory. Bytes are
 * in state-dict order; a float tensor stored transposed is reordered on the way.
 */
final class TensorBytes {
    private static final int CHUNK = 1 << 16;

    private TensorBytes() {}

    /** Writes tensor {@code t}, held in {@code stored} in the network's layout. */
    static void write(TensorSpec t, float[] stored, OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        float[] chunk = new float[CHUNK / Float.BYTES];
        int size = Math.toIntExact(t.numel());
        for (int i = 0; i < size; ) {
            int n = Math.min(size - i, chunk.length);
            StateLayout.gather(t, stored, i, chunk, n);
            buf.clear();
            buf.asFloatBuffer().put(chunk, 0, n);
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

    /** Fills {@code stored}, tensor {@code t} in the network's layout, from the channel at byte {@code position}. */
    static void read(FileChannel ch, long position, TensorSpec t, float[] stored) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        float[] chunk = new float[CHUNK / Float.BYTES];
        int size = Math.toIntExact(t.numel());
        for (int i = 0; i < size; ) {
            int n = Math.min(size - i, chunk.length);
            position = readFully(ch, position, buf, n * Float.BYTES);
            buf.asFloatBuffer().get(chunk, 0, n);
            StateLayout.scatter(t, chunk, n, stored, i);
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
