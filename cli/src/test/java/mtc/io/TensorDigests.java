package mtc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The SHA-256 of each tensor's bytes in a safetensors file, as {@code tools/digest.py} prints them. */
public final class TensorDigests {
    private TensorDigests() {}

    /** {@code name sha256} lines, by name. */
    public static String of(Path file) throws IOException, WeightsException, NoSuchAlgorithmException {
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String json = new String(bytes, 8, headerLength, StandardCharsets.UTF_8);
        Map<String, HeaderEntry> entries = new TreeMap<>(SafetensorsHeader.parse(file.toString(), json));
        int data = 8 + headerLength;
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, HeaderEntry> e : entries.entrySet()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, data + (int) e.getValue().begin(), (int) (e.getValue().end() - e.getValue().begin()));
            out.append(e.getKey()).append(' ').append(HexFormat.of().formatHex(sha.digest())).append('\n');
        }
        return out.toString();
    }
}
