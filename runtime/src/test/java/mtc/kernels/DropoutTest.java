package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import mtc.runtime.Rng;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void dropsAboutPAndScalesSurvivorsByOneOverOneMinusP() {
        int size = 100_000;
        float[] x = new float[size];
        Arrays.fill(x, 2f);
        float[] y = new float[size];
        float[] mask = new float[size];
        Dropout.forward(x, y, mask, 1000, 100, 0.2f, new Rng(1));
        long dropped = 0;
        for (float v : y) {
            if (v == 0f) dropped++;
            else assertEquals(2f / 0.8f, v, 1e-6);
        }
        // Binomial(1e5, 0.2) has standard deviation ~126: 5 sigma is 630.
        assertTrue(Math.abs(dropped - 20_000) < 630, "dropped " + dropped);
    }

    @Test
    void zeroProbabilityIsTheIdentity() {
        float[] x = {1, -2, 3};
        float[] y = new float[3];
        Dropout.forward(x, y, new float[3], 1, 3, 0f, new Rng(1));
        assertArrayEquals(x, y);
    }

    @Test
    void theSameStreamGivesTheSameMask() {
        float[] a = new float[64];
        float[] b = new float[64];
        Dropout.forward(new float[64], new float[64], a, 8, 8, 0.5f, new Rng(9));
        Dropout.forward(new float[64], new float[64], b, 8, 8, 0.5f, new Rng(9));
        assertArrayEquals(a, b);
    }

    @Test
    void theMaskStreamIsTheRngsNextFloatSequence() {
        Rng filled = new Rng(42);
        Rng stepped = new Rng(42);
        float[] a = new float[37];
        filled.fillFloats(a, 2, 35);
        for (int i = 2; i < 37; i++) assertEquals(stepped.nextFloat(), a[i]);
        assertEquals(stepped.state(), filled.state());
    }
}
