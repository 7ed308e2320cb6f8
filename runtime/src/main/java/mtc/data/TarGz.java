package mtc.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Extracts chosen files from a {@code .tgz} (the form npm packages come in). Only as much of the
 * tar format as npm writes is understood: 512-byte ustar headers, octal sizes, regular files.
 * Entries are matched by their last name component and streamed to disk, so no size from the
 * archive is ever used to allocate memory.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {}

    /** Writes each entry whose file name is in {@code names} to {@code dir}; returns how many. */
    static int extract(Path archive, Set<String> names, Path dir) throws IOException {
        int found = 0;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header) && !isZero(header)) {
                String name = field(header, 0, 100);
                long size = octal(field(header, 124, 12));
                byte type = header[156];
                String base = name.substring(name.lastIndexOf('/') + 1);
                boolean wanted = (type == '0' || type == 0) && names.contains(base);
                if (wanted) {
                    try (OutputStream out = Files.newOutputStream(dir.resolve(base))) {
                        copy(in, out, size);
                    }
                    found++;
                } else {
                    copy(in, OutputStream.nullOutputStream(), size);
                }
                skip(in, (BLOCK - size % BLOCK) % BLOCK);
            }
        }
        return found;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) return false;
        if (n < BLOCK) throw new EOFException("truncated tar header");
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static long octal(String text) throws IOException {
        try {
            return text.isBlank() ? 0 : Long.parseLong(text.trim(), 8);
        } catch (NumberFormatException e) {
            throw new IOException("malformed tar header (size '" + text + "')");
        }
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (long left = size; left > 0; ) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new EOFException("truncated tar entry");
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        copy(in, OutputStream.nullOutputStream(), bytes);
    }
}
