package mtc.cli.plot;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mtc.train.EpochResult;
import mtc.train.MetricsCsv;

/**
 * Reads the CSV files of {@code mtc train --metrics} back, strictly: a file that is not one (a
 * different header, a row with a missing or non-numeric value) is an error naming the file and
 * the line, because a plot drawn from half-understood numbers would mislead.
 */
public final class MetricsFiles {
    private static final int COLUMNS = MetricsCsv.HEADER.split(",").length;
    /** A plot has to stay readable: files of a runaway loop are refused, not drawn. */
    private static final int MAX_EPOCHS = 100_000;
    /** Far more than {@link #MAX_EPOCHS} rows take; checked before reading, so that no file can exhaust memory. */
    private static final long MAX_BYTES = 50_000_000;

    private MetricsFiles() {}

    /** A wrong metrics file: the message names the file and, where there is one, the line. */
    public static final class BadMetricsException extends IOException {
        private static final long serialVersionUID = 1L;

        BadMetricsException(String message) {
            super(message);
        }
    }

    /** The run in {@code file}, named by the file's name. */
    public static MetricsRun read(Path file) throws IOException {
        List<String> lines;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new BadMetricsException(file + ": " + Files.size(file) + " bytes, too large for a metrics file");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadMetricsException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new BadMetricsException(file + ": not a text file (not valid UTF-8)");
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(MetricsCsv.HEADER)) {
            throw new BadMetricsException(file + ":1: not a metrics file of mtc train --metrics: the first line "
                    + "should be " + MetricsCsv.HEADER);
        }
        List<String> rows = lines.subList(1, lines.size());
        if (rows.stream().allMatch(String::isBlank)) throw new BadMetricsException(file + ": has no epochs yet");
        if (rows.size() > MAX_EPOCHS) throw new BadMetricsException(file + ": more than " + MAX_EPOCHS + " epochs");
        return new MetricsRun(file.getFileName().toString(), parse(file.toString(), 2, rows));
    }

    /**
     * The epochs of {@code rows}, the first of them on line {@code firstLine} of {@code source};
     * blank lines are skipped.
     */
    public static List<EpochResult> parse(String source, int firstLine, List<String> rows) throws BadMetricsException {
        List<EpochResult> epochs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isBlank()) epochs.add(row(source + ":" + (firstLine + i), rows.get(i)));
        }
        return epochs;
    }

    private static EpochResult row(String where, String text) throws BadMetricsException {
        String[] cells = text.strip().split(",", -1);
        if (cells.length != COLUMNS) {
            throw new BadMetricsException(where + ": expected " + COLUMNS + " values (" + MetricsCsv.HEADER
                    + "), found " + cells.length);
        }
        double[] v = new double[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) v[c] = number(where, c, cells[c]);
        if (v[0] != Math.rint(v[0]) || v[0] < 0 || v[0] > Integer.MAX_VALUE) {
            throw new BadMetricsException(where + ": epoch '" + cells[0].strip() + "' is not a whole number");
        }
        return new EpochResult((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static double number(String where, int column, String cell) throws BadMetricsException {
        try {
            double value = Double.parseDouble(cell.strip());
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // reported below with the column's name
        }
        throw new BadMetricsException(where + ": " + MetricsCsv.HEADER.split(",")[column] + " '" + cell.strip()
                + "' is not a finite number");
    }
}
