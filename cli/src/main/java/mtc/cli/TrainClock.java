package mtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the wall time of one {@code mtc train} command went, phase by phase, for its last line:
 * start-up (from the process's start, the launcher script included, until the model is compiled),
 * data (until both sets are read), warm-up (what the JIT warm-up added after that), training (the
 * steps) and evaluation (the rest of the run: test-set evaluations, checkpoints, printing).
 */
final class TrainClock {
    /** The process's start (the launcher's, which execs the JVM), or this object's creation if unknown. */
    private final long startedAtNanos;
    /** Field 22 of /proc/PID/stat, the start in clock ticks after boot, counted after the command's name. */
    private static final int STARTTIME_FIELD = 19;
    /** Linux's USER_HZ, 100 on every platform it runs on (fixed by its ABI). */
    private static final int CLOCK_TICKS = 100;
    private long loaded;
    private long dataRead;
    private long warmedUp;
    private long trainingNanos;

    TrainClock() {
        long now = System.nanoTime();
        startedAtNanos = now - sinceProcessStart();
        loaded = dataRead = warmedUp = now;
    }

    /**
     * Nanoseconds since this process started, from Linux's /proc (to 10 ms; {@code ProcessHandle}
     * rounds the start to whole seconds), or 0 where that cannot be read.
     */
    private static long sinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedAfterBoot = Long.parseLong(fields[STARTTIME_FIELD]) / (double) CLOCK_TICKS;
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.max(0, (long) ((uptime - startedAfterBoot) * 1e9));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    void modelLoaded() {
        loaded = dataRead = warmedUp = System.nanoTime();
    }

    void dataRead() {
        dataRead = warmedUp = System.nanoTime();
    }

    void warmedUp() {
        warmedUp = System.nanoTime();
    }

    /** Adds the training steps' time ({@code seconds}), which the trainer measures. */
    void trained(double seconds) {
        trainingNanos += (long) (seconds * 1e9);
    }

    /** E.g. {@code wall 4.61 s: start-up 0.32, data 0.15, warm-up 0.50, training 3.41, evaluation 0.23}. */
    String describe() {
        long end = System.nanoTime();
        long rest = Math.max(0, end - warmedUp - trainingNanos);
        return String.format(Locale.ROOT, "wall %.2f s: start-up %.2f, data %.2f, warm-up %.2f, training %.2f, "
                        + "evaluation %.2f", seconds(end - startedAtNanos), seconds(loaded - startedAtNanos),
                seconds(dataRead - loaded), seconds(warmedUp - dataRead), seconds(trainingNanos), seconds(rest));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
