package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import mtc.runtime.Rng;
import org.junit.jupiter.api.Test;

/** The lane-wise draws are exactly the sequential stream's, so dropout masks do not depend on how they are drawn. */
class RandomLanesTest {
    @Test
    void drawsInAnyOrderEqualTheSequentialStream() {
        Rng sequential = new Rng(42);
        sequential.nextLong();
        long state = sequential.state();
        float[] expected = new float[100];
        sequential.fillFloats(expected, 0, expected.length);
        for (int i = 0; i + 16 <= expected.length; i += 7) {
            float[] lanes = RandomLanes.uniforms(state, i).toArray();
            for (int k = 0; k < lanes.length; k++) assertEquals(expected[i + k], lanes[k], "draw " + (i + k));
        }
        for (int i = expected.length - 1; i >= 0; i--) assertEquals(expected[i], RandomLanes.uniform(state, i));
        Rng filled = new Rng(0);
        filled.setState(state);
        float[] actual = new float[expected.length];
        RandomLanes.fill(filled, actual, actual.length);
        assertArrayEquals(expected, actual);
        assertEquals(sequential.state(), filled.state());
    }
}
