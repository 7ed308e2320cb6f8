package mtc.diag;

import java.util.List;

/**
 * The one place where diagnostics become text, in the format editors and CI parse:
 * <pre>
 * FILE:LINE:COL: error: MESSAGE
 *   the source line
 *   ^~~ under the span
 *   help: a suggestion
 * </pre>
 * Tabs in the source line are expanded to spaces in both the line and the underline, so the caret
 * stays under its token. ANSI colour is added only when the caller asks for it.
 */
public final class DiagnosticRenderer {
    private static final int TAB_WIDTH = 4;
    private static final String INDENT = "  ";
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";

    private final boolean colour;

    public DiagnosticRenderer(boolean colour) {
        this.colour = colour;
    }

    /** All of {@code diagnostics}, one block each, in the order given. */
    public String render(SourceFile source, List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) out.append(render(source, diagnostic));
        return out.toString();
    }

    /** One diagnostic; a null span (a file that could not be read) gives {@code FILE: error: ...}. */
    public String render(SourceFile source, Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        Span span = diagnostic.span();
        String where = span == null ? source.name() : source.name() + ":" + span.line() + ":" + span.column();
        String accent = diagnostic.isError() ? RED : YELLOW;
        out.append(paint(BOLD, where + ":")).append(' ')
                .append(paint(accent, diagnostic.severity().label() + ":")).append(' ')
                .append(paint(BOLD, diagnostic.message())).append('\n');
        if (span != null) appendSnippet(out, source.line(span.line()), span, accent);
        for (String help : diagnostic.help()) {
            out.append(INDENT).append(paint(CYAN, "help:")).append(' ').append(help).append('\n');
        }
        return out.toString();
    }

    private void appendSnippet(StringBuilder out, String line, Span span, String accent) {
        int[] chars = line.codePoints().toArray();
        int start = span.column() - 1;
        int indent = width(chars, 0, start);
        int underline = Math.max(1, width(chars, start, start + span.length()));
        out.append(INDENT).append(visible(chars)).append('\n');
        out.append(INDENT).append(" ".repeat(indent))
                .append(paint(accent, "^" + "~".repeat(underline - 1))).append('\n');
    }

    /** Display width of characters {@code from..to} of the line; past its end each counts as one. */
    private static int width(int[] chars, int from, int to) {
        int width = 0;
        for (int i = from; i < to; i++) width += i < chars.length && chars[i] == '\t' ? TAB_WIDTH : 1;
        return width;
    }

    /** The line with tabs expanded and control characters shown as U+FFFD, one column each. */
    private static String visible(int[] chars) {
        StringBuilder line = new StringBuilder();
        for (int c : chars) {
            if (c == '\t') line.append(" ".repeat(TAB_WIDTH));
            else if (Character.isISOControl(c)) line.append('\uFFFD');
            else line.appendCodePoint(c);
        }
        return line.toString();
    }

    private String paint(String style, String text) {
        return colour ? style + text + RESET : text;
    }
}
