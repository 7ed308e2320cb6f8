package mtc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The live bar fits 80 columns with a real bar, a live rate and time left, and never cuts its message. */
class ProgressBarTextTest {
    private static final String LOSS = "loss 0.1234 acc 96.20%";

    @Test
    void atEightyColumnsTheRateTimeLeftAndLossFitBesideABarOfTwelveOrMore() {
        for (String epoch : new String[] {"3/10", "10/10", "100/100"}) {
            int[] e = java.util.Arrays.stream(epoch.split("/")).mapToInt(Integer::parseInt).toArray();
            String line = ProgressBarText.render(e[0], e[1], 31_200, 60_000, 64, 3.0, LOSS, 80);
            assertTrue(line.length() <= 79, line.length() + ": " + line);
            assertTrue(line.startsWith("epoch " + epoch + " [======"), line);
            assertTrue(line.contains("]  52%  10379/s  eta 0:03  " + LOSS), line);
            assertTrue(barWidth(line) >= ProgressBarText.MIN_BAR, line);
        }
        String wide = ProgressBarText.render(3, 10, 31_200, 60_000, 64, 3.0, LOSS, 100);
        assertTrue(wide.contains("]  52%  10379 samples/s  eta 0:03  " + LOSS), wide);
    }

    @Test
    void theTestSetMessageIsNeverCut() {
        for (int width : new int[] {60, 80, 100, 200}) {
            String line = ProgressBarText.render(10, 10, 60_000, 60_000, 64, 5.9, "evaluating on the test set", width);
            assertTrue(line.endsWith("] 100%  evaluating on the test set"), width + ": " + line);
            assertTrue(line.length() < width, line);
            assertTrue(barWidth(line) >= ProgressBarText.TINY_BAR, line);
        }
    }

    @Test
    void noRateOrTimeLeftBeforeTheyCanBeMeasuredAndTheBarKeepsItsWidth() {
        String early = ProgressBarText.render(1, 10, 64, 60_000, 64, 0.0, LOSS, 80);
        assertFalse(early.contains("/s") || early.contains("eta") || early.contains("?"), early);
        String later = ProgressBarText.render(1, 10, 6400, 60_000, 64, 1.0, LOSS, 80);
        assertEquals(barWidth(later), barWidth(early), early + "\n" + later);
        assertEquals(later.length(), early.length());
    }

    @Test
    void aNarrowTerminalDropsRateAndTimeLeftBeforeTheLoss() {
        String narrow = ProgressBarText.render(3, 10, 31_200, 60_000, 64, 3.0, LOSS, 60);
        assertTrue(narrow.endsWith("]  52%  " + LOSS) && narrow.length() < 60, narrow);
        assertTrue(barWidth(narrow) >= ProgressBarText.MIN_BAR, narrow);
    }

    @Test
    void anUnknownWidthIsTakenAsEighty() {
        assertEquals(ProgressBarText.render(1, 2, 10, 20, 5, 1, LOSS, 80), ProgressBarText.render(1, 2, 10, 20, 5, 1,
                LOSS, 0));
    }

    @Test
    void clock() {
        assertEquals("0:07", ProgressBarText.clock(7.2));
        assertEquals("12:34", ProgressBarText.clock(754));
        assertEquals("1:02:03", ProgressBarText.clock(3723));
    }

    private static int barWidth(String line) {
        return line.indexOf(']') - line.indexOf('[') - 1;
    }
}
