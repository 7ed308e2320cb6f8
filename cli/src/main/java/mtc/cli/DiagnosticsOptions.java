package mtc.cli;

import mtc.diag.DiagnosticRenderer;
import picocli.CommandLine.Option;

/**
 * The {@code --color} option of commands that print diagnostics. By default colour is used only
 * on a terminal, and never when {@code NO_COLOR} is set (https://no-color.org) or TERM is dumb.
 */
final class DiagnosticsOptions {
    /** When to colour diagnostics. */
    enum When { auto, always, never }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always or never "
                    + "(default: ${DEFAULT-VALUE})")
    When color = When.auto;

    DiagnosticRenderer renderer() {
        return new DiagnosticRenderer(switch (color) {
            case always -> true;
            case never -> false;
            case auto -> onColourTerminal();
        });
    }

    private static boolean onColourTerminal() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
    }
}
