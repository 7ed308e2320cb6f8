package mtc.cli;

import static mtc.cli.TrainCommandTest.MODEL;
import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    @TempDir Path dir;

    @Test
    void weightsAreRequired() {
        CliRun run = mtc("eval", MODEL.toString());
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("Missing required option: '--weights=W'"), run.err());
    }

    @Test
    void aMissingWeightsFileIsAnInputError() {
        CliRun run = mtc("eval", MODEL.toString(), "--weights", dir.resolve("w.safetensors").toString());
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertEquals("mtc: " + dir.resolve("w.safetensors") + ": no such file\n", run.err());
    }

    @Test
    void evaluatesSavedWeightsExactlyAsTrainingDidAfterItsLastEpoch() throws Exception {
        Path data = TrainCommandTest.smallMnist(dir, 200, 100);
        Path weights = dir.resolve("w.safetensors");
        CliRun train = mtc("train", MODEL.toString(), "--data", data.toString(), "--epochs", "1",
                "--save", weights.toString(), "--metrics", dir.resolve("m.csv").toString());
        assertEquals(Main.OK, train.exit(), train.err());
        String[] row = Files.readAllLines(dir.resolve("m.csv")).get(1).split(",");
        CliRun eval = mtc("eval", MODEL.toString(), "--weights", weights.toString(), "--data",
                data.toString());
        assertEquals(Main.OK, eval.exit(), eval.err());
        assertEquals(String.format(java.util.Locale.ROOT, "test loss %.4f, accuracy %.2f%% (%d of 100 correct)%n",
                Double.parseDouble(row[3]), 100 * Double.parseDouble(row[4]),
                Math.round(100 * Double.parseDouble(row[4]))), eval.out().lines().findFirst().get() + "\n");
        assertEquals(List.of(), List.of(eval.err().lines().filter(l -> !l.startsWith("WARNING")).toArray()));
        CliRun other = mtc("eval", "../examples/deep.mt", "--weights", weights.toString(), "--data", data.toString());
        assertEquals(Main.INPUT_ERROR, other.exit());
        List<String> lines = other.err().lines().toList();
        assertEquals("mtc: " + weights + ": these weights were saved for model Mnist, not for DeepMlp (57 problems, "
                + "the first 3 below)", lines.get(0), "one line names both models");
        assertEquals(List.of("  tensor '0.weight': expected F32 [128,784], found F32 [256,784]",
                "  tensor '0.bias': expected F32 [128], found F32 [256]",
                "  tensor '1.weight': expected F32 [128], found F32 [256]", "  ..."), lines.subList(1, lines.size()));
    }

    @Test
    void accuracyPerClassIsPrintedByClassName() throws Exception {
        Path data = TrainCommandTest.smallMnist(dir, 200, 100);
        Path weights = dir.resolve("w.safetensors");
        assertEquals(Main.OK, mtc("train", MODEL.toString(), "--data", data.toString(), "--epochs", "1",
                "--save", weights.toString()).exit());
        CliRun eval = mtc("eval", MODEL.toString(), "--weights", weights.toString(), "--data", data.toString());
        List<String> lines = eval.out().lines().skip(1).toList();
        assertEquals(10, lines.size(), eval.out());
        long correct = 0, samples = 0;
        for (int c = 0; c < 10; c++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("  " + c + " +\\d+\\.\\d\\d% \\((\\d+) of "
                    + "(\\d+)\\)").matcher(lines.get(c));
            assertTrue(m.matches(), lines.get(c));
            correct += Long.parseLong(m.group(1));
            samples += Long.parseLong(m.group(2));
        }
        assertEquals(100, samples);
        assertTrue(eval.out().startsWith(String.format(java.util.Locale.ROOT, "test loss %s, accuracy %.2f%% (%d of",
                eval.out().substring(10, 16), (double) correct, correct)), eval.out());
    }
}
