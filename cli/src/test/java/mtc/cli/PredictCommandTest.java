package mtc.cli;

import static mtc.cli.TrainCommandTest.MODEL;
import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mtc.data.ClassNames;
import mtc.data.Dataset;
import mtc.data.DatasetReader;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsWriter;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir Path dir;

    @Test
    void imagesAreRequired() {
        CliRun run = mtc("predict", MODEL.toString(), "--weights", "w.safetensors");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("Missing required parameter: 'IMAGE'"), run.err());
    }

    @Test
    void printsTheTopClassesOfEachImageAndReportsUnreadableOnes() throws Exception {
        Path weights = randomWeights();
        Path seven = mnistPng(0);
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        CliRun run = mtc("predict", MODEL.toString(), "--weights", weights.toString(),
                seven.toString(), dir.resolve("gone.png").toString(), text.toString(), seven.toString());
        assertEquals(Main.INPUT_ERROR, run.exit());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].matches(java.util.regex.Pattern.quote(seven.toString())
                + ": \\d \\(\\d+\\.\\d\\d%\\), \\d \\(\\d+\\.\\d\\d%\\), \\d \\(\\d+\\.\\d\\d%\\)"), lines[0]);
        assertEquals(lines[0], lines[1]);
        assertTrue(run.err().contains("mtc: " + dir.resolve("gone.png") + ": no such file"), run.err());
        assertTrue(run.err().contains("mtc: " + text + ": not a PNG (or other readable) image"), run.err());
    }

    @Test
    void topOneIsTheMostLikelyClass() {
        ClassNames none = new ClassNames(List.of());
        assertEquals("2 (60.00%)", PredictRanking.describe(new float[] {0.1f, 0.3f, 0.6f}, 1, none));
        assertEquals("1 (50.00%), 2 (50.00%), 0 (0.00%)", PredictRanking.describe(new float[] {0, 0.5f, 0.5f}, 5,
                none));
        assertEquals("c (60.00%), b (30.00%)", PredictRanking.describe(new float[] {0.1f, 0.3f, 0.6f}, 2,
                new ClassNames(List.of("a", "b", "c"))));
    }

    private Path randomWeights() throws Exception {
        Network net = ModelLoader.load(MODEL);
        net.initialize(new Rng(1));
        Path weights = dir.resolve("w.safetensors");
        SafetensorsWriter.save(weights, net);
        return weights;
    }

    private Path mnistPng(int index) throws Exception {
        Dataset test = DatasetReader.test(SharedData.mnist());
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = test.pixels(); // a copy: MNIST's test images are mapped
        for (int i = 0; i < 784; i++) {
            img.getRaster().setSample(i % 28, i / 28, 0, pixels[index * 784 + i] & 0xFF);
        }
        Path png = dir.resolve("digit.png");
        ImageIO.write(img, "png", png.toFile());
        return png;
    }
}
