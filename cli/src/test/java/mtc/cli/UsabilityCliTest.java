package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: help, misspellings, silly values, a run that diverges, the run's timings. */
class UsabilityCliTest {
    @TempDir Path dir;

    @Test
    void helpWorksAsACommand() {
        CliRun help = mtc("help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: mtc [-hV] [COMMAND]"), help.out());
        assertTrue(help.out().contains("\n  plot ") && help.out().contains("\n  train "), help.out());
        CliRun train = mtc("help", "train");
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().startsWith("Usage: mtc train "), train.out());
        assertEquals(Main.USAGE, mtc("help", "trian").exit());
    }

    @Test
    void aMisspeltOptionOrCommandGetsASuggestion() {
        CliRun epoch = mtc("train", "x.mt", "--epoch", "3");
        assertEquals(Main.USAGE, epoch.exit());
        assertTrue(epoch.err().startsWith("mtc: Unknown options: '--epoch', '3'; did you mean --epochs?\n"),
                epoch.err());
        assertTrue(mtc("train", "x.mt", "--sve", "w").err().contains("; did you mean --save?\n"));
        assertTrue(mtc("trian", "x.mt").err().contains("; did you mean train?\n"));
        assertFalse(mtc("train", "x.mt", "--frobnicate").err().contains("did you mean"));
    }

    @Test
    void zeroEpochsIsAUsageError() {
        CliRun run = mtc("train", "../examples/mnist.mt", "--epochs", "0");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().startsWith("mtc: --epochs must be at least 1, got 0\n"), run.err());
    }

    @Test
    void anExplodingLossIsReadableAndWarnedAboutAndTheRunGivesItsWallTime() throws Exception {
        Path data = TrainCommandTest.smallMnist(Files.createDirectory(dir.resolve("data")), 640, 100);
        CliRun run = mtc("train", "../examples/mnist.mt", "--data", data.toString(), "--epochs", "1", "--lr", "50");
        assertEquals(0, run.exit(), run.err());
        String epoch = run.out().lines().filter(l -> l.startsWith("epoch 1/1")).findFirst().orElseThrow();
        assertTrue(epoch.matches("epoch 1/1  train loss \\d\\.\\d\\de\\+\\d\\d acc .*"), epoch);
        assertTrue(run.err().contains("mtc: warning: the training loss ") && run.err().contains(" is far above 2.3026, "
                + "the loss of guessing at random: training diverged; the learning rate 50 is likely too high (try --lr "
                + "5)\n"), run.err());
        String last = run.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("trained 1 epoch in [\\d.]+ s \\(\\d+ samples/s\\); .*; wall [\\d.]+ s: start-up .*"), last);
    }

    @Test
    void aLearningRunGetsNoWarning() throws Exception {
        Path data = TrainCommandTest.smallMnist(Files.createDirectory(dir.resolve("data")), 640, 100);
        CliRun run = mtc("train", "../examples/mnist.mt", "--data", data.toString(), "--epochs", "2");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("warning"), run.err());
    }

    @Test
    void theStartupStatusSaysWhatHappensOnATerminalOnly() {
        StringWriter terminal = new StringWriter(), log = new StringWriter();
        new StartupStatus(new PrintWriter(terminal), true).show("loading the data");
        new StartupStatus(new PrintWriter(log), false).show("loading the data");
        assertEquals("mtc: loading the data..." + System.lineSeparator(), terminal.toString());
        assertEquals("", log.toString());
    }
}
