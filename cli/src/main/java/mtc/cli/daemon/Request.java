package mtc.cli.daemon;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client asks of the daemon: to run {@code mtc ARGS} as if in the client's own JVM.
 *
 * @param cwd the client's working directory, which must be the daemon's (it resolves relative paths)
 * @param nanosSinceStart how long ago the user's command (the launcher) started, when the request was sent
 * @param terminal whether the client's stdout and stdin are a terminal (as {@code System.console()} tells)
 * @param columns the terminal's width, or 0 when unknown
 * @param args the command line after {@code mtc}
 */
record Request(String cwd, long nanosSinceStart, boolean terminal, int columns, List<String> args) {
    /** Changes whenever the layout below does: a client and daemon of different builds never talk. */
    private static final int VERSION = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            writeString(out, cwd);
            out.writeLong(nanosSinceStart);
            out.writeBoolean(terminal);
            out.writeInt(columns);
            out.writeInt(args.size());
            for (String arg : args) writeString(out, arg);
        } catch (IOException e) {
            throw new AssertionError(e); // not thrown by a byte array
        }
        return bytes.toByteArray();
    }

    /** The request in {@code payload}; an IOException when it is not one of this version's. */
    static Request decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int version = in.readInt();
            if (version != VERSION) throw new IOException("request of version " + version + ", expected " + VERSION);
            String cwd = readString(in);
            long since = in.readLong();
            boolean terminal = in.readBoolean();
            int columns = in.readInt();
            int count = in.readInt();
            if (count < 0 || count > payload.length) throw new IOException("corrupt request: " + count + " arguments");
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) args.add(readString(in));
            return new Request(cwd, since, terminal, columns, List.copyOf(args));
        }
    }

    /** As UTF-8 bytes after their count: {@code writeUTF} stops at 64 KiB, an argument need not. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) throw new IOException("corrupt request: a string of " + length);
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
