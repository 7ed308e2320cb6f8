package mtc.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import mtc.kernels.Init;
import org.junit.jupiter.api.Test;

class StateLayoutTest {
    /** A [2,3] tensor {{1,2,3},{4,5,6}} stored transposed is {{1,4},{2,5},{3,6}}. */
    private static final TensorSpec T = new TensorSpec("w", DType.F32, List.of(2, 3), true);
    private static final float[] STORED = {1, 4, 2, 5, 3, 6};
    private static final float[] STATE_DICT = {1, 2, 3, 4, 5, 6};

    @Test
    void transposedTensorComesOutInRowMajorOrder() {
        assertArrayEquals(STATE_DICT, StateLayout.toStateDict(T, STORED));
    }

    @Test
    void anyRangeOfElementsGathersAndScattersInPlace() {
        for (int from = 0; from < 6; from++) {
            for (int n = 0; from + n <= 6; n++) {
                float[] part = new float[n];
                StateLayout.gather(T, STORED, from, part, n);
                assertArrayEquals(java.util.Arrays.copyOfRange(STATE_DICT, from, from + n), part, from + "+" + n);
                float[] stored = STORED.clone();
                for (int e = 0; e < n; e++) part[e] = -part[e];
                StateLayout.scatter(T, part, n, stored, from);
                for (int e = from; e < from + n; e++) stored[storedIndex(e)] = -stored[storedIndex(e)];
                assertArrayEquals(STORED, stored, "scatter " + from + "+" + n);
            }
        }
    }

    @Test
    void untransposedTensorIsCopiedAsItIs() {
        TensorSpec plain = new TensorSpec("w", DType.F32, List.of(2, 3));
        assertArrayEquals(STORED, StateLayout.toStateDict(plain, STORED));
    }

    @Test
    void transposedInitialisationDrawsTheSameValuesInStateDictOrder() {
        float[] plain = new float[6];
        Init.uniform(plain, 6, 0.5f, new Rng(9));
        float[] stored = new float[6];
        Init.uniformTransposed(stored, 2, 3, 0.5f, new Rng(9));
        assertArrayEquals(plain, StateLayout.toStateDict(T, stored));
    }

    private static int storedIndex(int stateDictIndex) {
        return stateDictIndex % 3 * 2 + stateDictIndex / 3;
    }
}
