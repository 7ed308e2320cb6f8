package mtc.diag;

import java.util.List;

/**
 * One finding about a source file. Diagnostics are data: stages create them, and only
 * {@code DiagnosticRenderer} turns them into text.
 *
 * @param span where in the file, or null for a problem with the whole file (it cannot be read)
 * @param help zero or more suggestions, each printed on its own {@code help:} line
 * @param notes context, each printed on its own {@code note:} line (e.g. the block use an error is in)
 */
public record Diagnostic(Severity severity, Span span, String message, List<String> help, List<String> notes) {
    public Diagnostic {
        help = List.copyOf(help);
        notes = List.copyOf(notes);
    }

    public Diagnostic(Severity severity, Span span, String message, List<String> help) {
        this(severity, span, message, help, List.of());
    }

    /** The same diagnostic with one more note. */
    public Diagnostic withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Diagnostic(severity, span, message, help, more);
    }

    public static Diagnostic error(Span span, String message, String... help) {
        return new Diagnostic(Severity.ERROR, span, message, List.of(help));
    }

    public static Diagnostic warning(Span span, String message, String... help) {
        return new Diagnostic(Severity.WARNING, span, message, List.of(help));
    }

    /** An error about the file as a whole, such as a missing file; it has no position. */
    public static Diagnostic fileError(String message, String... help) {
        return new Diagnostic(Severity.ERROR, null, message, List.of(help));
    }

    public boolean isError() { return severity == Severity.ERROR; }
}
