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
 * stays under its token; a very long line is cut to a window around the span. ANSI colour is added
 * only when the caller asks for it.
 */
public final class DiagnosticRenderer {
    private static final int TAB_WIDTH = 4;
    private static final String INDENT = "  ";
    /** Longer lines are cut to a window around the span, marked with an ellipsis at the cuts. */
    private static final int MAX_SHOWN = 160;
    /** How much of the line to keep before the span when the line is cut. */
    private static final int CONTEXT = 60;
    private static final String ELLIPSIS = "...";
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
        for (String note : diagnostic.notes()) {
            out.append(INDENT).append(paint(CYAN, "note:")).append(' ').append(note).append('\n');
        }
        for (String help : diagnostic.help()) {
            out.append(INDENT).append(paint(CYAN, "help:")).append(' ').append(help).append('\n');
        }
        return out.toString();
    }

    private void appendSnippet(StringBuilder out, String line, Span span, String accent) {
        int[] chars = line.codePoints().toArray();
        int start = span.column() - 1;
        int[] shown = visible(chars);
        int caret = width(chars, 0, start);
        int underline = Math.max(1, width(chars, start, start + span.length()));
        int from = shown.length <= MAX_SHOWN ? 0 : Math.max(0, Math.min(caret - CONTEXT, shown.length - MAX_SHOWN));
        int to = Math.min(shown.length, from + MAX_SHOWN);
        String before = from > 0 ? ELLIPSIS : "";
        out.append(INDENT).append(before).append(new String(shown, from, to - from))
                .append(to < shown.length ? ELLIPSIS : "").append('\n');
        underline = Math.max(1, Math.min(underline, to + 1 - caret));
        out.append(INDENT).append(" ".repeat(before.length() + caret - from))
                .append(paint(accent, "^" + "~".repeat(underline - 1))).append('\n');
    }

    /** Display width of characters {@code from..to} of the line; past its end each counts as one. */
    private static int width(int[] chars, int from, int to) {
        int width = 0;
        for (int i = from; i < to; i++) width += i < chars.length && chars[i] == '\t' ? TAB_WIDTH : 1;
        return width;
    }

    /** The line with tabs expanded and control characters shown as U+FFFD, one column each. */
    private static int[] visible(int[] chars) {
        StringBuilder line = new StringBuilder();
        for (int c : chars) {
            if (c == '\t') line.append(" ".repeat(TAB_WIDTH));
            else if (Character.isISOControl(c)) line.append('\uFFFD');
            else line.appendCodePoint(c);
        }
        return line.codePoints().toArray();
    }

    private String paint(String style, String text) {
        return colour ? style + text + RESET : text;
    }
}
