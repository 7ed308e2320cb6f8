package mtc.cli;

import static mtc.cli.RobustFixtures.assertFailure;
import static mtc.cli.RobustFixtures.idx;
import static mtc.cli.RobustFixtures.runAll;
import static mtc.cli.RobustFixtures.safetensors;
import static mtc.cli.RobustFixtures.tinySpecs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mtc.data.MnistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data, bad weights and bad options given to mtc as a real process: each gives exit status 1
 * (2 for usage), a first line naming the file and what is wrong, and no stack trace. The runs of
 * one test start together, to spend the JVM start-ups side by side.
 */
class RobustInputTest {
    @TempDir Path dir;

    /** One broken data folder: what was done to it, and what the message must say. */
    private record DataCase(Path folder, String... expected) {}

    @Test
    void brokenDataIsNamedWithWhatIsWrong() throws Exception {
        Path model = RobustFixtures.tinyModel(dir);
        List<DataCase> cases = new ArrayList<>();
        Path missing = data("missing");
        Files.delete(missing.resolve(MnistFiles.TRAIN_LABELS));
        cases.add(new DataCase(missing, missing + ": no train-labels-idx1-ubyte (nor train-labels-idx1-ubyte.gz)"));
        Path truncated = data("truncated");
        Path images = truncated.resolve(MnistFiles.TRAIN_IMAGES);
        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 5000));
        cases.add(new DataCase(truncated, images + ": truncated: the header announces 20x28x28 = 15680 values,"
                + " but the file ends after 4984"));
        Path magic = data("magic");
        Path testImages = magic.resolve(MnistFiles.TEST_IMAGES);
        byte[] bytes = Files.readAllBytes(testImages);
        bytes[2] = 0x0D;
        Files.write(testImages, bytes);
        cases.add(new DataCase(magic, testImages + ": not an IDX file of unsigned bytes (wrong magic number"
                + " 0x00000d03, expected 0x00000803)"));
        Path dims = data("dims");
        Files.write(dims.resolve(MnistFiles.TRAIN_LABELS), idx(new int[] {20, 1, 1}, new byte[20]));
        cases.add(new DataCase(dims, dims.resolve(MnistFiles.TRAIN_LABELS) + ": expected labels (1 dimension),"
                + " found 3 dimensions"));
        Path counts = data("counts");
        Files.write(counts.resolve(MnistFiles.TEST_LABELS), idx(new int[] {9}, new byte[9]));
        cases.add(new DataCase(counts, counts.resolve(MnistFiles.TEST_LABELS) + ": holds 9 labels, but "
                + counts.resolve(MnistFiles.TEST_IMAGES) + " holds 10 images"));
        Path label = data("label");
        byte[] labels = new byte[20];
        labels[7] = 12;
        Files.write(label.resolve(MnistFiles.TRAIN_LABELS), idx(new int[] {20}, labels));
        cases.add(new DataCase(label, label.resolve(MnistFiles.TRAIN_LABELS) + ": label 12 of sample 7 is outside"
                + " model Tiny's 10 classes (0..9)"));
        cases.add(corruptGzip());
        Path size = data("size");
        RobustFixtures.writeSplit(size, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS, 10, 14);
        cases.add(new DataCase(size, size.resolve(MnistFiles.TEST_IMAGES) + ": images are 14x14 (196 values), but"
                + " model Tiny takes input [784] (784 values)"));
        List<String[]> commands = cases.stream().map(c -> new String[] {"train", model.toString(), "--data",
                c.folder().toString(), "--epochs", "1"}).toList();
        List<CliRun> runs = runAll(commands);
        for (int i = 0; i < cases.size(); i++) assertFailure(runs.get(i), Main.INPUT_ERROR, cases.get(i).expected());
    }

    private DataCase corruptGzip() throws Exception {
        Path folder = data("gzip");
        Path images = folder.resolve(MnistFiles.TRAIN_IMAGES);
        byte[] gz = RobustFixtures.gzip(Files.readAllBytes(images));
        for (int i = 20; i < 40; i++) gz[i] ^= 0x5A;
        Files.delete(images);
        Path broken = Files.write(folder.resolve(MnistFiles.TRAIN_IMAGES + ".gz"), gz);
        return new DataCase(folder, broken + ": corrupt gzip data (");
    }

    private Path data(String name) throws Exception {
        return RobustFixtures.tinyData(dir.resolve(name), 20, 10);
    }

    @Test
    void brokenWeightsNameTheTensorWithExpectedAndFound() throws Exception {
        Path model = RobustFixtures.tinyModel(dir);
        Path data = data("data");
        List<String> expected = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        byte[] good = safetensors(tinySpecs());
        files.add(weights("truncated", Arrays.copyOf(good, good.length - 100)));
        expected.add(": tensor '3.weight': data_offsets [50240,50880] reach past the end of the file (its data"
                + " section holds 50820 bytes): the file is truncated");
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 62);
        files.add(weights("huge-header", huge));
        expected.add(": header length 4611686018427387904 is larger than the file (");
        files.add(weights("json", withHeader("{\"0.weight\": [1, 2,}")));
        expected.add(": malformed header JSON at character ");
        List<String[]> dtype = tinySpecs();
        dtype.set(1, new String[] {"0.bias", "F64", "16"});
        files.add(weights("dtype", safetensors(dtype)));
        expected.add(": tensor '0.bias': expected F32 [16], found F64 [16]");
        List<String[]> shape = tinySpecs();
        shape.set(0, new String[] {"0.weight", "F32", "8", "784"});
        files.add(weights("shape", safetensors(shape)));
        expected.add(": tensor '0.weight': expected F32 [16,784], found F32 [8,784]");
        files.add(weights("missing", safetensors(tinySpecs().subList(0, 3))));
        expected.add(": tensor '3.bias' is missing (expected F32 [10])");
        List<String[]> extra = tinySpecs();
        extra.add(new String[] {"4.weight", "F32", "2"});
        files.add(weights("unexpected", safetensors(extra)));
        expected.add(": unexpected tensor '4.weight' (F32 [2]): model Tiny has no such tensor");
        List<CliRun> runs = runAll(files.stream().map(f -> new String[] {"eval", model.toString(),
                "--weights", f.toString(), "--data", data.toString()}).toList());
        for (int i = 0; i < files.size(); i++) {
            assertFailure(runs.get(i), Main.INPUT_ERROR, "mtc: " + files.get(i) + expected.get(i));
        }
    }

    private Path weights(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name + ".safetensors"), content);
    }

    private static byte[] withHeader(String json) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length)
                .put(header).array();
    }

    @Test
    void nonsensicalOptionsAreUsageErrorsWithTheUsageLine() throws Exception {
        Path model = RobustFixtures.tinyModel(dir);
        List<String[]> commands = List.of(new String[] {"train", model.toString(), "--batch", "0"},
                new String[] {"train", model.toString(), "--frobnicate"},
                new String[] {"train", model.toString(), "--resume", "a.safetensors", "--init", "b.safetensors"});
        List<String> expected = List.of("mtc: --batch must be at least 1, got 0", "mtc: Unknown option: "
                + "'--frobnicate'", "mtc: --resume and --init cannot be used together");
        List<CliRun> runs = runAll(commands);
        for (int i = 0; i < commands.size(); i++) {
            assertFailure(runs.get(i), Main.USAGE, expected.get(i));
            org.junit.jupiter.api.Assertions.assertTrue(runs.get(i).err().contains("\nmtc train [-hV]"),
                    runs.get(i).err());
        }
    }
}
