package mtc.data;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pixels as the model sees them: unsigned bytes to floats {@code b / 255f}, as PyTorch's
 * {@code ToTensor} computes them. A mini-batch is converted every training step, so this is
 * vectorised (a lane's division is exact, the same value as the scalar one): about twice as fast
 * as a table lookup per pixel.
 */
final class PixelScale {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    /** As many byte lanes as float lanes. */
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.length() * Byte.SIZE));

    private PixelScale() {}

    /** {@code dst[dstOff + i] = (src[srcOff + i] & 0xFF) / 255f} for {@code i < n}. */
    static void toUnitFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n) {
        int lanes = FLOATS.length();
        int i = 0;
        for (; i + lanes <= n; i += lanes) {
            IntVector wide = (IntVector) ByteVector.fromArray(BYTES, src, srcOff + i)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            FloatVector scaled = (FloatVector) wide.and(0xFF).convertShape(VectorOperators.I2F, FLOATS, 0);
            scaled.div(255f).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) dst[dstOff + i] = (src[srcOff + i] & 0xFF) / 255f;
    }
}
