package mtc.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.NetworkSpec;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.TensorSpec;
import mtc.train.SoftmaxNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir Path dir;

    @Test
    void savedWeightsLoadBackBitForBit() throws Exception {
        SoftmaxNetwork a = SoftmaxNetwork.mnist();
        a.initialize(new Rng(7));
        a.longs(2)[0] = 1234;
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.save(file, a);
        SoftmaxNetwork b = SoftmaxNetwork.mnist();
        SafetensorsReader.load(file, b);
        assertArrayEquals(a.floats(0), b.floats(0));
        assertArrayEquals(a.floats(1), b.floats(1));
        assertEquals(1234, b.longs(2)[0]);
    }

    @Test
    void layoutIsThatOfPytorchSafetensors() throws Exception {
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.save(file, SoftmaxNetwork.mnist());
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"0.weight\":{\"dtype\":\"F32\",\"shape\":[10,784],\"data_offsets\":[0,31360]}"));
        assertTrue(header.contains(
                "\"1.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[31400,31408]}"));
        assertEquals(8 + headerLength + 31408, bytes.length);
    }

    /** A [200,300] tensor stored transposed: larger than one I/O chunk, so chunk boundaries fall mid-row. */
    @Test
    void tensorStoredTransposedIsWrittenAndReadInStateDictOrder() throws Exception {
        TensorSpec spec = new TensorSpec("0.weight", DType.F32, List.of(200, 300), true);
        OneTensor a = new OneTensor(spec);
        for (int r = 0; r < 200; r++) {
            for (int c = 0; c < 300; c++) a.values[c * 200 + r] = r * 1000 + c;
        }
        Path file = dir.resolve("t.safetensors");
        SafetensorsWriter.save(file, a);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int start = 8 + (int) data.getLong(0);
        for (int e : new int[] {0, 1, 299, 300, 16383, 16384, 59999}) {
            assertEquals(e / 300 * 1000 + e % 300, data.getFloat(start + 4 * e), "element " + e);
        }
        OneTensor b = new OneTensor(spec);
        SafetensorsReader.load(file, b);
        assertArrayEquals(a.values, b.values);
    }

    /** A network that is only one F32 state tensor. */
    private static final class OneTensor implements Network {
        private final NetworkSpec spec;
        final float[] values;

        OneTensor(TensorSpec tensor) {
            spec = new NetworkSpec("One", List.of(1), 1, List.of(tensor), Double.NaN);
            values = new float[Math.toIntExact(tensor.numel())];
        }

        @Override public NetworkSpec spec() { return spec; }
        @Override public float[] floats(int i) { return values; }
        @Override public long[] longs(int i) { throw new IndexOutOfBoundsException(i); }
        @Override public int threads() { return 1; }
        @Override public void setThreads(int threads) { }
        @Override public void initialize(Rng rng) {}
        @Override public void trainStep(float[] x, int[] labels, int n, float lr, Rng rng, StepStats stats) {}
        @Override public void evaluate(float[] x, int[] labels, int n, float[] probs, StepStats stats) {}
    }

    @Test
    void acceptsTensorsInAnyOrderWithoutMetadata() throws Exception {
        String header = "{\"1.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[10],\"data_offsets\":[8,48]},"
                + "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[10,784],\"data_offsets\":[48,31408]}}";
        ByteBuffer data = ByteBuffer.allocate(31408).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(5).putFloat(8, 2.5f).putFloat(48 + 4, -1.5f);
        SoftmaxNetwork net = SoftmaxNetwork.mnist();
        SafetensorsReader.load(write(header, data.array()), net);
        assertEquals(5, net.longs(2)[0]);
        assertEquals(2.5f, net.floats(1)[0]);
        assertEquals(-1.5f, net.floats(0)[1]);
    }

    @Test
    void saveReplacesTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Files.writeString(file, "old");
        SafetensorsWriter.save(file, SoftmaxNetwork.mnist());
        SafetensorsReader.load(file, SoftmaxNetwork.mnist());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void missingFile() {
        assertError(dir.resolve("nope.safetensors"), "nope.safetensors: no such file");
    }

    @Test
    void fileShorterThanTheLengthField() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Files.write(file, new byte[5]);
        assertError(file, "truncated: 5 bytes, too short for the 8-byte header length");
    }

    @Test
    void headerLengthLargerThanTheFile() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Files.write(file, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 60).array());
        assertError(file, "header length 1152921504606846976 is larger than the file (16 bytes)");
    }

    @Test
    void malformedJson() throws Exception {
        assertError(write("{\"0.weight\" {}}", new byte[0]), "malformed header JSON at character 12: expected ':'");
    }

    @Test
    void wrongShapeNamesTheTensorWithExpectedAndFound() throws Exception {
        assertError(savedWithTensor("0.weight", "F32", "[784,10]"),
                "w.safetensors: tensor '0.weight': expected F32 [10,784], found F32 [784,10]");
    }

    @Test
    void wrongDtype() throws Exception {
        assertError(savedWithTensor("1.num_batches_tracked", "F32", "[]"),
                "tensor '1.num_batches_tracked': expected I64 [], found F32 []");
    }

    @Test
    void missingAndUnexpectedTensorsAreAllReported() throws Exception {
        String header = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[10,784],\"data_offsets\":[0,31360]},"
                + "\"2.weight\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[31360,31372]}}";
        WeightsException e = assertThrows(WeightsException.class,
                () -> SafetensorsReader.load(write(header, new byte[31372]), SoftmaxNetwork.mnist()));
        assertTrue(e.getMessage().contains("tensor '0.bias' is missing (expected F32 [10])"), e.getMessage());
        assertTrue(e.getMessage().contains("tensor '1.num_batches_tracked' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected tensor '2.weight' (F32 [3]): model Softmax has no such"),
                e.getMessage());
    }

    @Test
    void truncatedData() throws Exception {
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.save(file, SoftmaxNetwork.mnist());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertError(file, "tensor '0.bias': data_offsets [31360,31400] reach past the end of the file");
    }

    @Test
    void overlappingTensors() throws Exception {
        String header = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[10,784],\"data_offsets\":[0,31360]},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[10],\"data_offsets\":[0,40]},"
                + "\"1.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[31360,31368]}}";
        assertError(write(header, new byte[31368]), "tensors '0.bias' and '0.weight' overlap");
    }

    @Test
    void gapsAndTrailingBytesAreRejected() throws Exception {
        String header = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[10,784],\"data_offsets\":[0,31360]},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[10],\"data_offsets\":[31364,31404]},"
                + "\"1.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[31404,31412]}}";
        assertError(write(header, new byte[31412]), "w.safetensors: 4 unused bytes before tensor '0.bias'");
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.save(file, SoftmaxNetwork.mnist());
        Files.write(file, new byte[3], java.nio.file.StandardOpenOption.APPEND);
        assertError(file, "w.safetensors: 3 bytes after the last tensor");
    }

    @Test
    void negativeShapeIsRejected() throws Exception {
        assertError(savedWithTensor("0.bias", "F32", "[-10]"),
                "tensor '0.bias': \"shape\" must hold non-negative integers, found -10");
    }

    /** A file like a saved one, with one tensor's dtype and shape replaced. */
    private Path savedWithTensor(String name, String dtype, String shape) throws IOException {
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (var t : SoftmaxNetwork.mnist().spec().tensors()) {
            long end = offset + t.numel() * t.dtype().bytes();
            boolean target = t.name().equals(name);
            header.append(offset == 0 ? "" : ",").append('"').append(t.name()).append("\":{\"dtype\":\"")
                    .append(target ? dtype : t.dtype().name()).append("\",\"shape\":")
                    .append(target ? shape : t.shape().toString().replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        return write(header.append('}').toString(), new byte[(int) offset]);
    }

    private Path write(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(data);
        Path file = dir.resolve("w.safetensors");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void assertError(Path file, String expected) {
        WeightsException e = assertThrows(WeightsException.class,
                () -> SafetensorsReader.load(file, SoftmaxNetwork.mnist()));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }
}
