package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GemmDepthListsTest {
    /** An {@code nn} problem over {@code s[rows, depth]}, row-major; only {@code s} matters to the lists. */
    private static GemmProblem rowsOf(float[] s, int rows, int depth) {
        return new GemmProblem(s, depth, 1, new float[depth * 64], 64, false, depth, rows, 64, new float[rows * 64],
                64, false);
    }

    /** 13 rows: tiles of rows 0-5 and 6-11, and a last one of rows 7-12 that ends at the last row. */
    @Test
    void eachTileListsTheDepthsWhereOneOfItsSixRowsIsNonzero() {
        int rows = 13, depth = 20;
        float[] s = new float[rows * depth];
        s[0 * depth + 3] = 1f;        // tile 0, depth 3
        s[5 * depth + 3] = 2f;        // the same depth again, from another row
        s[2 * depth + 17] = -0.5f;    // tile 0, depth 17
        s[4 * depth + 9] = -0.0f;     // negative zero is zero
        s[6 * depth + 1] = 1f;        // tile 1 only: row 6 is not in the last tile
        s[7 * depth + 0] = Float.NaN; // tiles 1 and the last: NaN is not zero
        s[12 * depth + 5] = 1f;       // the last tile only
        GemmDepthLists lists = new GemmDepthLists();
        assertTrue(lists.build(rowsOf(s, rows, depth)));
        assertArrayEquals(new int[] {3, 17}, listed(lists, 0));
        assertArrayEquals(new int[] {0, 1}, listed(lists, 6));
        assertArrayEquals(new int[] {0, 5}, listed(lists, 7));
        assertEquals(0, lists.tileRow(5));
        assertEquals(6, lists.tileRow(6));
        assertEquals(7, lists.tileRow(12));
    }

    @Test
    void aDenseOperandIsNotWorthListing() {
        float[] s = new float[12 * 50];
        Arrays.fill(s, 1f);
        for (int p = 0; p < 4; p++) s[p] = 0f; // 4 of 50 depths of tile 0 could be skipped: too few
        assertFalse(new GemmDepthLists().build(rowsOf(s, 12, 50)));
    }

    @Test
    void fewerThanSixRowsHaveNoTiles() {
        assertFalse(new GemmDepthLists().build(rowsOf(new float[5 * 8], 5, 8)));
    }

    private static int[] listed(GemmDepthLists lists, int tileRow) {
        return Arrays.copyOfRange(lists.depths(), lists.from(tileRow), lists.to(tileRow));
    }
}
