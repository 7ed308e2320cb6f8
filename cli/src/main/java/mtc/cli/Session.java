package mtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What a command needs to know of the person who typed it, beyond its arguments: whether a
 * person watches (a terminal), how wide their terminal is, when their command started, and
 * whether they asked it to stop. A command run in its own process reads these off the process;
 * one run by the training daemon ({@code mtc.cli.daemon}) gets them from the client that the
 * user started.
 *
 * @param terminal whether the output goes to a terminal (live progress bar and start-up status)
 * @param columns the terminal's width in characters, or 0 to let the progress bar ask the terminal
 * @param startedAtNanos the command's start on {@link System#nanoTime()}'s scale: the launcher's start
 * @param stopRequested whether the user asked to stop (Ctrl-C at the client), besides this JVM's own
 *     shutdown, which {@link InterruptGuard} watches
 */
public record Session(boolean terminal, int columns, long startedAtNanos, BooleanSupplier stopRequested) {
    /** Field 22 of /proc/PID/stat, the start in clock ticks after boot, counted after the command's name. */
    private static final int STARTTIME_FIELD = 19;
    /** Linux's USER_HZ, 100 on every platform it runs on (fixed by its ABI). */
    private static final int CLOCK_TICKS = 100;

    /** The command this process runs: its terminal, its start, Ctrl-C through this JVM's shutdown. */
    public static Session ofThisProcess() {
        return new Session(System.console() != null, 0, System.nanoTime() - nanosSinceStart("self"), () -> false);
    }

    /**
     * Nanoseconds since process {@code pid} ("self" for this one) started, from Linux's /proc (to
     * 10 ms; {@code ProcessHandle} rounds the start to whole seconds), or 0 where that cannot be read.
     */
    public static long nanosSinceStart(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedAfterBoot = Long.parseLong(fields[STARTTIME_FIELD]) / (double) CLOCK_TICKS;
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.max(0, (long) ((uptime - startedAfterBoot) * 1e9));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
