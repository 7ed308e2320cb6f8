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
        GemmDepthLists lists = built(rowsOf(s, rows, depth));
        assertEquals(3, lists.tiles());
        assertArrayEquals(new int[] {3, 17}, listed(lists, 0));
        assertArrayEquals(new int[] {0, 1}, listed(lists, 6));
        assertArrayEquals(new int[] {0, 5}, listed(lists, 7));
        assertEquals(0, lists.tileRow(5));
        assertEquals(6, lists.tileRow(6));
        assertEquals(7, lists.tileRow(12));
    }

    /** Rows contiguous along the depth are read a vector at a time: lists across vector boundaries and a tail. */
    @Test
    void vectorsOfDepthsAndTheTailAreListedAlike() {
        int depth = 3 * GemmKernels.LANES + 5;
        float[] s = new float[6 * depth];
        int[] nonzero = {0, GemmKernels.LANES - 1, GemmKernels.LANES, 2 * GemmKernels.LANES + 7, depth - 1};
        for (int k = 0; k < nonzero.length; k++) s[(k % 6) * depth + nonzero[k]] = k + 1;
        assertArrayEquals(nonzero, listed(built(rowsOf(s, 6, depth)), 0));
    }

    @Test
    void aTileThatWouldSkipTooLittleIsMarkedDense() {
        float[] s = new float[12 * 50];
        Arrays.fill(s, 1f);
        for (int p = 0; p < 4; p++) s[p] = 0f;       // tile 0: only 4 of 50 depths to skip
        Arrays.fill(s, 6 * 50, 12 * 50, 0f);         // tile 1: all zero
        GemmDepthLists lists = built(rowsOf(s, 12, 50));
        assertTrue(lists.dense(0));
        assertFalse(lists.dense(6));
        assertEquals(0, listed(lists, 6).length);
    }

    @Test
    void fewerThanSixRowsHaveNoTiles() {
        GemmDepthLists lists = new GemmDepthLists();
        lists.prepare(rowsOf(new float[5 * 8], 5, 8));
        assertEquals(0, lists.tiles());
    }

    private static GemmDepthLists built(GemmProblem p) {
        GemmDepthLists lists = new GemmDepthLists();
        lists.prepare(p);
        lists.build(p, 0, lists.tiles());
        return lists;
    }

    private static int[] listed(GemmDepthLists lists, int tileRow) {
        return Arrays.copyOfRange(lists.depths(), lists.from(tileRow), lists.to(tileRow));
    }
}
