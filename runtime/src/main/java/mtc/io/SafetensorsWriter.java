package mtc.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        List<TensorSpec> tensors = net.spec().tensors();
        byte[] header = header(tensors);
        AtomicFiles.write(file, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (int i = 0; i < tensors.size(); i++) writeData(net, i, out);
        });
    }

    private static void writeData(Network net, int i, OutputStream out) throws IOException {
        if (net.spec().tensors().get(i).dtype() == DType.F32) TensorBytes.write(net.floats(i), out);
        else TensorBytes.write(net.longs(i), out);
    }

    /** The JSON header, space-padded so that the data section starts 8-byte aligned. */
    static byte[] header(List<TensorSpec> tensors) {
        StringBuilder json = new StringBuilder("{\"" + SafetensorsHeader.METADATA + "\":{\"format\":\"pt\"}");
        long offset = 0;
        for (TensorSpec t : tensors) {
            long end = offset + t.numel() * t.dtype().bytes();
            json.append(",\"").append(escape(t.name())).append("\":{\"dtype\":\"").append(t.dtype())
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

    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
