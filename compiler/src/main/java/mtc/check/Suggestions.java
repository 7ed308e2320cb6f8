package mtc.check;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the known name closest to a misspelt one, if any is close enough. */
public final class Suggestions {
    private Suggestions() {}

    /** The candidate nearest to {@code word}, allowing about one edit per three letters. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int allowed = Math.max(1, word.length() / 3);
        return candidates.stream()
                .filter(candidate -> Math.abs(word.length() - candidate.length()) <= allowed) // a cheap bound
                .filter(candidate -> distance(word.toLowerCase(), candidate) <= allowed)
                .min(Comparator.comparingInt(candidate -> distance(word.toLowerCase(), candidate)));
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
