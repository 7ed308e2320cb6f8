package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import mtc.io.SafetensorsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtc train}, {@code eval} and {@code predict} on a folder of pictures, with class names. */
class ImageFolderCliTest {
    private static final List<String> SHAPES = List.of("bar", "dot", "frame");

    @TempDir Path dir;

    /** An 8x8 RGB picture of class {@code c}: a bar, a dot or a frame, light on dark, shifted by {@code k}. */
    private static Path picture(Path file, int c, int k) throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                boolean on = switch (c) {
                    case 0 -> x / 2 == 2 + k % 3;
                    case 1 -> Math.abs(x - 8) + Math.abs(y - 7 - k % 2) < 3;
                    default -> x < 2 || y < 2 || x > 13 || y > 13;
                };
                img.setRGB(x, y, on ? 0xE0E0E0 : 0x202020 + k);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private Path shapes() throws IOException {
        Path folder = dir.resolve("shapes");
        for (int c = 0; c < SHAPES.size(); c++) {
            for (int k = 0; k < 12; k++) picture(folder.resolve("train/" + SHAPES.get(c) + "/" + k + ".png"), c, k);
            for (int k = 0; k < 4; k++) picture(folder.resolve("test/" + SHAPES.get(c) + "/" + k + ".png"), c, k + 5);
        }
        return folder;
    }

    private Path model(String input, int classes) throws IOException {
        return Files.writeString(dir.resolve("m.mt"), "input " + input + "\nflatten -> linear(" + classes + ")\n");
    }

    @Test
    void trainsOnPicturesAndPredictAndEvalNameTheClasses() throws Exception {
        Path folder = shapes();
        Path model = model("[1, 8, 8]", 3);
        Path weights = dir.resolve("w.safetensors");
        CliRun train = mtc("train", model.toString(), "--data", folder.toString(), "--epochs", "20", "--batch", "4",
                "--save", weights.toString());
        assertEquals(Main.OK, train.exit(), train.err());
        assertTrue(train.out().startsWith("training M on 36 samples (test 12) from " + folder), train.out());
        Map<String, String> metadata = SafetensorsReader.metadata(weights);
        assertEquals("bar\ndot\nframe", metadata.get("mtc.classes"));
        assertEquals("pictures", metadata.get("mtc.input"));

        CliRun predict = mtc("predict", model.toString(), "--weights", weights.toString(), "--top", "1",
                folder.resolve("test/frame/0.png").toString());
        assertEquals(Main.OK, predict.exit(), predict.err());
        assertTrue(predict.out().matches(Pattern.quote(folder.resolve("test/frame/0.png").toString())
                + ": frame \\(\\d+\\.\\d\\d%\\)\n"), predict.out());

        CliRun eval = mtc("eval", model.toString(), "--weights", weights.toString(), "--data", folder.toString());
        assertEquals(Main.OK, eval.exit(), eval.err());
        String[] lines = eval.out().split("\n");
        assertEquals(4, lines.length, eval.out());
        assertTrue(lines[1].matches("  bar +\\d+\\.\\d\\d% \\(\\d of 4\\)"), lines[1]);
        assertTrue(lines[3].startsWith("  frame "), lines[3]);
    }

    @Test
    void anUnreadablePictureIsAnInputErrorNamingTheFile() throws Exception {
        Path folder = shapes();
        Path broken = Files.write(folder.resolve("test/dot/broken.jpg"), new byte[] {1, 2, 3});
        CliRun run = mtc("train", model("[1, 8, 8]", 3).toString(), "--data", folder.toString(), "--epochs", "1");
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.err().endsWith("mtc: " + broken + ": not a PNG (or other readable) image\n"), run.err());
    }

    @Test
    void aModelWhoseInputIsNoPictureIsAnInputError() throws Exception {
        Path folder = shapes();
        CliRun run = mtc("train", model("[10]", 3).toString(), "--data", folder.toString(), "--epochs", "1");
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertEquals("mtc: the model takes input [10], which is not a square image, so pictures cannot be converted"
                + " to it\n", run.err());
    }
}
