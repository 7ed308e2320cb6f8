package mtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mtc.diag.DiagnosticRenderer;
import picocli.CommandLine.Option;

/**
 * The {@code --color} option of commands that print diagnostics. By default colour is used only
 * when stderr is a terminal, and never when {@code NO_COLOR} is set (https://no-color.org) or TERM
 * is dumb.
 */
final class DiagnosticsOptions {
    /** When to colour diagnostics. */
    enum When { auto, always, never }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour diagnostics: auto (when stderr is a terminal and NO_COLOR is unset), always or "
                    + "never (default: ${DEFAULT-VALUE})")
    When color = When.auto;

    DiagnosticRenderer renderer() {
        return new DiagnosticRenderer(switch (color) {
            case always -> true;
            case never -> false;
            case auto -> onColourTerminal();
        });
    }

    /** The renderer of {@code --color auto}, the default. */
    static DiagnosticRenderer automatic() {
        return new DiagnosticRenderer(onColourTerminal());
    }

    private static boolean onColourTerminal() {
        String noColor = System.getenv("NO_COLOR");
        return stderrIsTerminal() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Diagnostics go to stderr, but Java can only ask whether stdin and stdout are a terminal
     * ({@code System.console()}). On Linux, /proc says where stderr goes; elsewhere the console decides.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
