package mtc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.TensorSpec;

/**
 * Loads safetensors weights into a network after checking everything about the file: that it is
 * long enough for its own header, that the header is well-formed JSON, and that names, dtypes,
 * shapes and offsets match the model. Sizes read from the file are never used to allocate memory;
 * only the model's own tensor sizes are.
 */
public final class SafetensorsReader {
    /** The same cap the safetensors library puts on headers. */
    static final long MAX_HEADER_BYTES = 100_000_000;

    private SafetensorsReader() {}

    /** Replaces the state of {@code net} with the tensors in {@code file}. */
    public static void load(Path file, Network net) throws WeightsException {
        String name = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long headerLength = headerLength(name, ch);
            String header = headerText(name, ch, (int) headerLength);
            Map<String, HeaderEntry> entries = SafetensorsHeader.parse(name, header);
            long dataStart = 8 + headerLength;
            List<String> problems = StateDictCheck.problems(name, net.spec(), entries, ch.size() - dataStart);
            if (!problems.isEmpty()) {
                String savedFor = SafetensorsHeader.metadata(name, header).get(StateDictCheck.MODEL_KEY);
                throw new WeightsException(StateDictCheck.explain(name, net.spec().name(), savedFor, problems));
            }
            readTensors(ch, dataStart, entries, net);
        } catch (NoSuchFileException e) {
            throw new WeightsException(name + ": no such file");
        } catch (IOException e) {
            throw new WeightsException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** The {@code __metadata__} string map of {@code file}'s header (empty when it has none). */
    public static Map<String, String> metadata(Path file) throws WeightsException {
        String name = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return SafetensorsHeader.metadata(name, headerText(name, ch, (int) headerLength(name, ch)));
        } catch (NoSuchFileException e) {
            throw new WeightsException(name + ": no such file");
        } catch (IOException e) {
            throw new WeightsException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static long headerLength(String name, FileChannel ch) throws IOException, WeightsException {
        long size = ch.size();
        if (size < 8) {
            throw new WeightsException(name + ": truncated: " + size + " bytes, too short for the 8-byte header"
                    + " length of a safetensors file");
        }
        ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        TensorBytes.readFully(ch, 0, buf, 8);
        long length = buf.getLong();
        if (length < 0 || length > size - 8) {
            throw new WeightsException(name + ": header length " + Long.toUnsignedString(length)
                    + " is larger than the file (" + size + " bytes): truncated, or not a safetensors file");
        }
        if (length > MAX_HEADER_BYTES) {
            throw new WeightsException(name + ": header length " + length + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes");
        }
        return length;
    }

    private static String headerText(String name, FileChannel ch, int length) throws IOException, WeightsException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        TensorBytes.readFully(ch, 8, buf, length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            throw new WeightsException(name + ": the header is not valid UTF-8 text");
        }
    }

    private static void readTensors(FileChannel ch, long dataStart, Map<String, HeaderEntry> entries, Network net)
            throws IOException {
        List<TensorSpec> tensors = net.spec().tensors();
        for (int i = 0; i < tensors.size(); i++) {
            long position = dataStart + entries.get(tensors.get(i).name()).begin();
            if (tensors.get(i).dtype() == DType.F32) TensorBytes.read(ch, position, tensors.get(i), net.floats(i));
            else TensorBytes.read(ch, position, net.longs(i));
        }
    }
}
