package mtc.train;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code --metrics FILE.csv}: one row per epoch, flushed as soon as the epoch ends, so that
 * a long run can be watched (or plotted) while it goes and a stopped run keeps its finished epochs.
 */
public final class MetricsCsv implements TrainListener, Closeable {
    public static final String HEADER = "epoch,train_loss,train_acc,test_loss,test_acc,seconds,samples_per_s";

    private final Path file;
    private final BufferedWriter out;

    /** Creates (or replaces) {@code file} and writes the header line. */
    public MetricsCsv(Path file) throws IOException {
        this(file, List.of());
    }

    /** Creates (or replaces) {@code file} with the header line and {@code earlierRows} (of a resumed run). */
    public MetricsCsv(Path file, List<String> earlierRows) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        this.out = Files.newBufferedWriter(file);
        out.write(HEADER);
        out.newLine();
        for (String row : earlierRows) {
            out.write(row);
            out.newLine();
        }
        out.flush();
    }

    /** The CSV row of one epoch's result. */
    public static String row(EpochResult r) {
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f,%.1f", r.epoch(), r.trainLoss(), r.trainAcc(),
                r.testLoss(), r.testAcc(), r.seconds(), r.samplesPerSecond());
    }

    @Override
    public void epochFinished(EpochResult r, int epochs) {
        try {
            out.write(row(r));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write metrics: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
