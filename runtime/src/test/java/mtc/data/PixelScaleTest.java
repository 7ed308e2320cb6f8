package mtc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PixelScaleTest {
    /** Every byte value at every offset, and lengths that end inside a vector: always exactly b / 255f. */
    @Test
    void everyByteValueBecomesItsScalarQuotient() {
        byte[] src = new byte[256 + 40];
        for (int i = 0; i < src.length; i++) src[i] = (byte) (i * 7);
        for (int off = 0; off < 17; off++) {
            for (int n : new int[] {0, 1, 15, 16, 17, 255, 256 + 23}) {
                float[] dst = new float[n + 3];
                PixelScale.toUnitFloats(src, off, dst, 2, n);
                for (int i = 0; i < n; i++) {
                    assertEquals((src[off + i] & 0xFF) / 255f, dst[2 + i], "byte " + (src[off + i] & 0xFF));
                }
                assertEquals(0f, dst[0]);
                assertEquals(0f, dst[n + 2]);
            }
        }
    }
}
