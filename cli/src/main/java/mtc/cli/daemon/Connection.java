package mtc.cli.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One client's connection to the daemon, as framed messages: a type byte, the payload's length
 * (an int) and the payload. A channel has separate read and write locks, so that one thread can
 * wait for the next message while another sends (the client's Ctrl-C, the daemon's output).
 */
final class Connection implements AutoCloseable {
    /** Client to daemon: a command to run ({@link Request}). */
    static final byte REQUEST = 'R';
    /** Client to daemon: Ctrl-C (or SIGTERM) at the client; the command stops as it would on its own Ctrl-C. */
    static final byte INTERRUPT = 'I';
    /** Daemon to client: bytes for stdout, for stderr. */
    static final byte OUT = 'o';
    static final byte ERR = 'e';
    /** Daemon to client: the command's exit status (an int); the last message. */
    static final byte EXIT = 'x';
    /**
     * Daemon to client, instead of running the request: the reason (another command runs, or the
     * request is not this daemon's to run); the client's user then runs the command in a JVM of its own.
     */
    static final byte DECLINED = 'd';
    /** More than any message needs (a request's arguments, a write to stdout): a corrupt length. */
    private static final int MAX_PAYLOAD = 1 << 24;

    /** A message: its type and payload. */
    record Message(byte type, byte[] payload) {
        int asInt() {
            return ByteBuffer.wrap(payload).getInt();
        }
    }

    private final SocketChannel channel;

    Connection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Sends one message (whole, even when other threads send too). */
    void send(byte type, byte[] payload) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(5 + payload.length).put(type).putInt(payload.length).put(payload).flip();
        synchronized (this) {
            while (buffer.hasRemaining()) channel.write(buffer);
        }
    }

    void send(byte type, int value) throws IOException {
        send(type, ByteBuffer.allocate(4).putInt(value).array());
    }

    /** The next message, or null when the other side closed the connection between messages. */
    Message receive() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(5);
        if (!fill(header, true)) return null;
        byte type = header.get(0);
        int length = header.getInt(1);
        if (length < 0 || length > MAX_PAYLOAD) throw new IOException("corrupt message: length " + length);
        ByteBuffer payload = ByteBuffer.allocate(length);
        fill(payload, false);
        return new Message(type, payload.array());
    }

    /** Reads until {@code buffer} is full; false at the end of the stream before its first byte when {@code mayEnd}. */
    private boolean fill(ByteBuffer buffer, boolean mayEnd) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (mayEnd && buffer.position() == 0) return false;
                throw new EOFException("connection closed inside a message");
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
