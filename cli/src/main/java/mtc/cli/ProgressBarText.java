package mtc.cli;

import java.util.Locale;

/**
 * The text of the live progress bar, fitted to the terminal: {@code epoch 3/10 [=====>    ]  52%
 * 9812 samples/s  eta 0:03  loss 0.1234 acc 96.20%}. The bar takes the width the rest leaves;
 * to keep it at least {@link #MIN_BAR} wide the rate is shortened ({@code 9812/s}), then the rate
 * and time left go, so that the loss (or "evaluating on the test set") always stays whole. Rate
 * and time left appear once they can be measured, never as placeholders; until then their room
 * is kept blank, so that the bar does not jump.
 */
final class ProgressBarText {
    /** The bar's least inner width beside the rate: narrower, it would no longer show progress at a glance. */
    static final int MIN_BAR = 12;
    /** The bar's least inner width when even the loss alone leaves less (a very narrow terminal). */
    static final int TINY_BAR = 5;
    /** The width assumed when the terminal does not say. */
    static final int DEFAULT_WIDTH = 80;
    /** Before this much time, a rate would be noise. */
    private static final double MIN_SECONDS = 0.5;

    private ProgressBarText() {}

    /**
     * The line for epoch {@code epoch} of {@code epochs}, {@code done} of {@code total} samples,
     * {@code seconds} after the first batch's {@code doneAtStart} samples, with {@code tail} (the
     * running loss, or what happens now) at its end, in at most {@code width - 1} characters (a
     * line as wide as the terminal would wrap on some).
     */
    static String render(int epoch, int epochs, long done, long total, long doneAtStart, double seconds,
                         String tail, int width) {
        int room = (width < 3 * MIN_BAR ? DEFAULT_WIDTH : width) - 1;
        String head = "epoch " + epoch + "/" + epochs + " ";
        String percent = String.format(Locale.ROOT, " %3d%%", total == 0 ? 100 : 100 * done / total);
        double rate = seconds >= MIN_SECONDS && done > doneAtStart ? (done - doneAtStart) / seconds : 0;
        String right = percent + "  " + tail;
        if (done < total) {
            for (String unit : new String[] {" samples/s", "/s"}) {
                String timed = percent + timing(rate, total - done, unit) + "  " + tail;
                if (head.length() + 2 + MIN_BAR + timed.length() <= room) {
                    right = timed;
                    break;
                }
            }
        }
        int inner = Math.max(TINY_BAR, room - head.length() - 2 - right.length());
        String line = head + bar(inner, total == 0 ? 1 : (double) done / total) + right;
        return line.length() <= room ? line : line.substring(0, room);
    }

    /** {@code "  9812 samples/s  eta 0:03"}, or as many blanks until the rate is known. */
    private static String timing(double rate, long left, String unit) {
        if (rate > 0) return String.format(Locale.ROOT, "  %5.0f%s  eta %s", rate, unit, clock(left / rate));
        return " ".repeat(String.format(Locale.ROOT, "  %5d%s  eta 0:00", 0, unit).length());
    }

    private static String bar(int inner, double fraction) {
        int full = (int) Math.floor(inner * Math.min(1, fraction));
        StringBuilder bar = new StringBuilder("[").append("=".repeat(full));
        if (full < inner) bar.append('>').append(" ".repeat(inner - full - 1));
        return bar.append(']').toString();
    }

    /** {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
