package mtc.diag;

public enum Severity {
    ERROR("error"), WARNING("warning");

    private final String label;

    Severity(String label) { this.label = label; }

    /** The word printed after {@code FILE:LINE:COL:}. */
    public String label() { return label; }
}
