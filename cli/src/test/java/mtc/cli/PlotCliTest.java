package mtc.cli;

import static mtc.cli.CliRun.mtc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mtc.cli.plot.CurvesChart;
import mtc.cli.plot.CurvesChart.Panel;
import mtc.cli.plot.MetricsFiles;
import mtc.cli.plot.MetricsRun;
import mtc.train.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtc plot}: the PNG decodes, has the chart's size, and its lines are where the CSV's numbers are. */
class PlotCliTest {
    /** Test accuracy rises 50 -> 70 -> 90% in run A; run B stays far below, so the lines never cross. */
    private static final String A = MetricsCsv.HEADER + "\n1,0.9,0.45,0.8,0.5,1.0,6000\n2,0.6,0.65,0.5,0.7,1.0,6000\n"
            + "3,0.3,0.85,0.2,0.9,1.0,6000\n";
    private static final String B = MetricsCsv.HEADER + "\n1,2.0,0.1,2.1,0.2,1.0,6000\n2,1.9,0.15,2.0,0.25,1.0,6000\n"
            + "3,1.8,0.2,1.9,0.3,1.0,6000\n";

    @TempDir Path dir;

    @Test
    void thePngHasTheChartsSizeAndEachRunsColourWhereItsTestAccuracyIs() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), A), b = Files.writeString(dir.resolve("b.csv"), B);
        Path png = dir.resolve("out/curves.png");
        CliRun run = mtc("plot", a.toString(), b.toString(), "-o", png.toString());
        assertEquals(new CliRun(0, "", ""), run);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(CurvesChart.WIDTH, image.getWidth());
        assertEquals(CurvesChart.HEIGHT, image.getHeight());
        // Where the chart puts a value; the pixels checked are those of the file the command wrote.
        CurvesChart.Drawing layout = CurvesChart.draw(List.of(MetricsFiles.read(a), MetricsFiles.read(b)));
        Point2D[] testAcc = new Point2D[3];
        for (int e = 1; e <= 3; e++) {
            testAcc[e - 1] = layout.at(Panel.ACCURACY, e, 0.3 + 0.2 * e);
            assertColourNear(image, testAcc[e - 1], CurvesChart.colour(0), "run A, test accuracy, epoch " + e);
            assertColourNear(image, layout.at(Panel.ACCURACY, e, 0.15 + 0.05 * e), CurvesChart.colour(1),
                    "run B, test accuracy, epoch " + e);
        }
        assertTrue(testAcc[0].getY() > testAcc[1].getY() && testAcc[1].getY() > testAcc[2].getY(),
                "a rising accuracy is drawn rising");
        Point2D between = new Point2D.Double((testAcc[0].getX() + testAcc[1].getX()) / 2,
                (testAcc[0].getY() + testAcc[1].getY()) / 2);
        assertColourNear(image, between, CurvesChart.colour(0), "run A's test line between epochs 1 and 2");
        assertColourNear(image, layout.at(Panel.LOSS, 3, 0.2), CurvesChart.colour(0), "run A, test loss, epoch 3");
        assertFalse(hasColourNear(image, layout.at(Panel.ACCURACY, 2, 0.45), CurvesChart.colour(0), 3),
                "nothing of run A where it has no point");
    }

    @Test
    void aDivergedRunsLossGoesOnALogScaleThatStillShowsTheOthers() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), A);
        Path diverged = Files.writeString(dir.resolve("d.csv"), MetricsCsv.HEADER
                + "\n1,4.6e26,0.12,7.6e27,0.18,3.9,1265\n2,1.9e15,0.10,1.6e7,0.10,0.3,15768\n");
        CurvesChart.Drawing drawing = CurvesChart.draw(List.of(MetricsFiles.read(a), MetricsFiles.read(diverged)));
        Point2D low = drawing.at(Panel.LOSS, 3, 0.2), high = drawing.at(Panel.LOSS, 1, 0.8);
        assertTrue(low.getY() - high.getY() >= 5, "0.2 and 0.8 stay apart: " + low + " " + high);
        assertColourNear(drawing.image(), low, CurvesChart.colour(0), "run A's test loss, epoch 3");
        assertColourNear(drawing.image(), drawing.at(Panel.LOSS, 2, 1.6e7), CurvesChart.colour(1),
                "the diverged run's test loss, epoch 2");
    }

    @Test
    void badFilesAreNamedWithTheirLine() throws IOException {
        String[][] cases = {
            {"epoch,loss\n1,2\n", ":1: not a metrics file of mtc train --metrics"},
            {MetricsCsv.HEADER + "\n1,0.9,0.45,0.8,0.5,1.0,6000\n2,0.6,0.65,0.5\n", ":3: expected 7 values"},
            {MetricsCsv.HEADER + "\n1,0.9,0.45,0.8,abc,1.0,6000\n", ":2: test_acc 'abc' is not a finite number"},
            {MetricsCsv.HEADER + "\n1.5,0.9,0.45,0.8,0.5,1.0,6000\n", ":2: epoch '1.5' is not a whole number"},
            {MetricsCsv.HEADER + "\n", ": has no epochs yet"},
            {"", ":1: not a metrics file"},
        };
        for (String[] c : cases) {
            Path bad = Files.writeString(dir.resolve("bad.csv"), c[0]);
            CliRun run = mtc("plot", bad.toString(), "-o", dir.resolve("x.png").toString());
            assertEquals(Main.INPUT_ERROR, run.exit(), c[1]);
            assertTrue(run.err().startsWith("mtc: " + bad + c[1]), run.err());
            assertFalse(Files.exists(dir.resolve("x.png")), "nothing is written");
        }
        CliRun missing = mtc("plot", dir.resolve("none.csv").toString(), "-o", dir.resolve("x.png").toString());
        assertEquals(new CliRun(1, "", "mtc: " + dir.resolve("none.csv") + ": no such file\n"), missing);
    }

    @Test
    void trainingDrawsThePlotAfterEveryEpochFromTheNumbersItWritesToMetrics() throws IOException {
        Path data = TrainCommandTest.smallMnist(Files.createDirectory(dir.resolve("data")), 600, 200);
        Path csv = dir.resolve("m.csv"), png = dir.resolve("m.png");
        CliRun run = mtc("train", TrainCommandTest.MODEL.toString(), "--data", data.toString(), "--epochs", "3",
                "--metrics", csv.toString(), "--plot", png.toString());
        assertEquals(0, run.exit(), run.err());
        MetricsRun written = MetricsFiles.read(csv);
        assertEquals(3, written.epochs().size());
        BufferedImage image = ImageIO.read(png.toFile());
        CurvesChart.Drawing layout = CurvesChart.draw(List.of(new MetricsRun("mnist.mt", written.epochs())));
        for (var e : written.epochs()) {
            assertColourNear(image, layout.at(Panel.ACCURACY, e.epoch(), e.testAcc()), CurvesChart.colour(0),
                    "test accuracy of epoch " + e.epoch());
            assertColourNear(image, layout.at(Panel.LOSS, e.epoch(), e.trainLoss()), CurvesChart.colour(0),
                    "train loss of epoch " + e.epoch());
        }
    }

    @Test
    void usageErrors() {
        assertEquals(Main.USAGE, mtc("plot", "a.csv").exit(), "-o is required");
        assertEquals(Main.USAGE, mtc("plot", "-o", "x.png").exit(), "a file is required");
    }

    @Test
    void theDrawingTakesASingleEpochAndManyRuns() {
        List<MetricsRun> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            runs.add(new MetricsRun("run" + i, List.of(new mtc.train.EpochResult(1, 1, 0.5, 1, 0.5 + i / 100.0, 1, 1))));
        }
        BufferedImage image = CurvesChart.draw(runs).image();
        assertEquals(CurvesChart.WIDTH, image.getWidth());
    }

    static void assertColourNear(BufferedImage image, Point2D at, Color colour, String what) {
        assertTrue(hasColourNear(image, at, colour, 3), what + ": no pixel of " + colour + " near " + at);
    }

    /** Whether a pixel within {@code radius} of {@code at} has (about) {@code colour}; lines are anti-aliased. */
    private static boolean hasColourNear(BufferedImage image, Point2D at, Color colour, int radius) {
        int cx = (int) Math.round(at.getX()), cy = (int) Math.round(at.getY());
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue()) < 30) return true;
            }
        }
        return false;
    }
}
