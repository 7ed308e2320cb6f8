package mtc.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Rejects option values that parse but make no sense ({@code --batch 0}, {@code --lr -1}), as
 * usage errors: picocli's {@link ParameterException} makes {@link Main} print the usage line
 * and exit with status 2.
 */
final class TrainOptionCheck {
    private TrainOptionCheck() {}

    static void check(CommandLine cmd, int epochs, int batch, Double lr, Integer threads, Integer limit) {
        require(cmd, epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(cmd, batch >= 1, "--batch must be at least 1, got " + batch);
        require(cmd, lr == null || (lr > 0 && Float.isFinite(lr.floatValue()) && lr.floatValue() > 0),
                "--lr must be a positive number, got " + lr);
        checkThreads(cmd, threads);
        require(cmd, limit == null || limit >= 1, "--limit must be at least 1, got " + limit);
    }

    static void checkThreads(CommandLine cmd, Integer threads) {
        require(cmd, threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
    }

    static void require(CommandLine cmd, boolean ok, String message) {
        if (!ok) throw new ParameterException(cmd, message);
    }
}
