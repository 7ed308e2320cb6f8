package mtc.parity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tensor entries of a safetensors header as comparable strings ({@code 0.weight F32 [256,784]
 * [0,802816]}), in file order. It reads the raw JSON independently of mtc's parser, so that the test
 * compares what mtc wrote with what PyTorch wrote rather than mtc with itself.
 */
final class HeaderEntries {
    /** One flat {@code "name":{...}} object; tensor entries hold no nested objects. */
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\{([^{}]*)\\}");
    private static final Pattern DTYPE = Pattern.compile("\"dtype\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern SHAPE = Pattern.compile("\"shape\"\\s*:\\s*\\[([\\d,\\s]*)\\]");
    private static final Pattern OFFSETS = Pattern.compile("\"data_offsets\"\\s*:\\s*\\[([\\d,\\s]*)\\]");

    private HeaderEntries() {}

    static List<String> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = Math.toIntExact(ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        String json = new String(Arrays.copyOfRange(bytes, 8, 8 + length), StandardCharsets.UTF_8);
        List<String> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) {
            if (!m.group(1).equals("__metadata__")) entries.add(describe(m.group(1), m.group(2)));
        }
        return entries;
    }

    private static String describe(String name, String fields) {
        return name + " " + field(DTYPE, fields) + " [" + field(SHAPE, fields).replaceAll("\\s", "") + "] ["
                + field(OFFSETS, fields).replaceAll("\\s", "") + "]";
    }

    private static String field(Pattern p, String fields) {
        Matcher m = p.matcher(fields);
        return m.find() ? m.group(1) : "<missing>";
    }
}
