package mtc.diag;

import java.util.ArrayList;
import java.util.List;

/** The text of one {@code .mt} file and the name it is reported under (as the user typed the path). */
public final class SourceFile {
    private final String name;
    private final String text;
    private int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public String name() { return name; }

    public String text() { return text; }

    /** The text of 1-based line {@code line}, without its line terminator; empty past the end. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) return "";
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(start, end);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') starts.add(i + 1);
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        return lineStarts;
    }
}
