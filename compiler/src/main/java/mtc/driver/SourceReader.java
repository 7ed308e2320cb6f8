package mtc.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import mtc.diag.Diagnostic;
import mtc.diag.SourceFile;
import mtc.diag.Span;

/**
 * Reads a {@code .mt} file defensively: a missing path, a directory, a device, a file too large
 * to be a model, or bytes that are not UTF-8 text each become one diagnostic, never an exception.
 * Files are capped at {@link #MAX_BYTES} (1 MB, some thirty times a 2,000-layer model) so that
 * nothing downstream ever holds more than that.
 */
public final class SourceReader {
    public static final int MAX_BYTES = 1_000_000;
    /** The same cap for text handed to {@link Frontend} directly. */
    public static final int MAX_CHARS = MAX_BYTES;

    private SourceReader() {}

    /** Reads {@code path}; diagnostics name it as {@code path.toString()}, as the user typed it. */
    public static SourceLoad read(Path path) {
        String name = path.toString();
        Optional<String> problem = problemWith(path);
        if (problem.isPresent()) return failed(name, Diagnostic.fileError(problem.get()));
        if (size(path) > MAX_BYTES) return failed(name, tooLarge(size(path)));
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return failed(name, Diagnostic.fileError("cannot read the file: " + reason(e)));
        }
        if (bytes.length > MAX_BYTES) return failed(name, tooLarge(bytes.length));
        return decode(name, bytes);
    }

    /** The diagnostic for text over the size cap. */
    static Diagnostic tooLarge(long size) {
        return Diagnostic.fileError("the file is too large (" + megabytes(size) + "); mtc reads .mt files of up to "
                + megabytes(MAX_BYTES), "a .mt file describes one model in a few lines; is this the right file?");
    }

    private static Optional<String> problemWith(Path path) {
        if (!Files.exists(path)) return Optional.of("no such file");
        if (Files.isDirectory(path)) return Optional.of("is a directory, not a .mt file");
        if (!Files.isRegularFile(path)) return Optional.of("is not a regular file");
        if (!Files.isReadable(path)) return Optional.of("cannot read the file: permission denied");
        return Optional.empty();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static SourceLoad decode(String name, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) return failed(name, Diagnostic.fileError("not a text file: it contains NUL bytes"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return notUtf8(name, bytes);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return new SourceLoad(new SourceFile(name, text), Optional.empty());
    }

    /**
     * The error at the first byte that is not UTF-8, with its line and column (in characters, as
     * every diagnostic's), shown on its line with the bad bytes replaced, as an editor shows them.
     */
    private static SourceLoad notUtf8(String name, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer before = CharBuffer.allocate(bytes.length);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, before, true);
        String prefix = before.flip().toString();
        int line = 1 + (int) prefix.chars().filter(c -> c == '\n').count();
        int column = prefix.length() - prefix.lastIndexOf('\n');
        String shown = new String(bytes, StandardCharsets.UTF_8);
        Diagnostic error = Diagnostic.error(new Span(line, column, 1), String.format(Locale.ROOT,
                "not valid UTF-8: byte 0x%02X cannot be read as text", bytes[in.position()] & 0xff),
                "mtc reads .mt files as UTF-8; save the file in that encoding (editors offer it on saving)");
        return new SourceLoad(new SourceFile(name, shown), Optional.of(error));
    }

    private static SourceLoad failed(String name, Diagnostic diagnostic) {
        return new SourceLoad(new SourceFile(name, ""), Optional.of(diagnostic));
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
