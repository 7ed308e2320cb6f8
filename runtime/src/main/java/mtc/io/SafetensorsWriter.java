package mtc.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.TensorSpec;

/**
 * Saves a network's state dict as safetensors, laid out as PyTorch's {@code safetensors.torch}
 * writes it (tensors in state-dict order, header padded with spaces to 8 bytes), atomically.
 */
public final class SafetensorsWriter {
    private SafetensorsWriter() {}

    /** Writes every state tensor of {@code net} to {@code file}, replacing it atomically. */
    public static void save(Path file, Network net) throws IOException {
        save(file, net, Map.of());
    }

    /**
     * Like {@link #save(Path, Network)}, with {@code metadata} added to the header's string map
     * {@code __metadata__} (which PyTorch's loaders ignore): mtc keeps its training state there.
     */
    public static void save(Path file, Network net, Map<String, String> metadata) throws IOException {
        List<TensorSpec> tensors = net.spec().tensors();
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(file, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (int i = 0; i < tensors.size(); i++) writeData(net, i, out);
        });
    }

    private static void writeData(Network net, int i, OutputStream out) throws IOException {
        TensorSpec t = net.spec().tensors().get(i);
        if (t.dtype() == DType.F32) TensorBytes.write(t, net.floats(i), out);
        else TensorBytes.write(net.longs(i), out);
    }

    /** The JSON header, space-padded so that the data section starts 8-byte aligned. */
    static byte[] header(List<TensorSpec> tensors, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{\"" + SafetensorsHeader.METADATA + "\":{\"format\":\"pt\"");
        metadata.forEach((k, v) -> {
            if (!k.equals("format")) json.append(',').append(quote(k)).append(':').append(quote(v));
        });
        json.append('}');
        long offset = 0;
        for (TensorSpec t : tensors) {
            long end = offset + t.numel() * t.dtype().bytes();
            json.append(',').append(quote(t.name())).append(":{\"dtype\":\"").append(t.dtype())
                    .append("\",\"shape\":").append(t.shape().stream().map(String::valueOf)
                            .collect(Collectors.joining(",", "[", "]")))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(bytes, (bytes.length + 7) / 8 * 8);
        Arrays.fill(padded, bytes.length, padded.length, (byte) ' ');
        return padded;
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
