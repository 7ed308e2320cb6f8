package mtc.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mtc.check.Shape;
import org.junit.jupiter.api.Test;

/** When {@link UpdateFusion} may merge a weight gradient's product with the weight's update. */
class UpdateFusionTest {
    private static final Buffer IN = Buffer.batched("0.in", Buffer.Role.ACTIVATION, Shape.of(4));
    private static final Buffer OUT = Buffer.batched("0.out", Buffer.Role.ACTIVATION, Shape.of(3));
    private static final Buffer WEIGHT = Buffer.fixed("0.weight", Buffer.Role.PARAMETER, Shape.of(3, 4));
    private static final Op GRAD_WEIGHT = new Op.MatMulGradWeight(Autodiff.gradient(OUT), IN,
            Autodiff.gradient(WEIGHT), 4, 3);
    private static final Op GRAD_INPUT = new Op.MatMulGradInput(Autodiff.gradient(OUT), WEIGHT,
            Autodiff.gradient(IN), 4, 3);
    private static final Op STEP = step(WEIGHT, Autodiff.gradient(WEIGHT));

    /** The optimizer's update of {@code param} with {@code grad}, with its two state tensors. */
    private static Op step(Buffer param, Buffer grad) {
        return new Op.OptimizerUpdate(param, grad, state(param, "momentum"), state(param, "moment2"));
    }

    private static Buffer state(Buffer param, String kind) {
        return Buffer.fixed(param.name() + "." + kind, Buffer.Role.OPTIMIZER_STATE, param.shape());
    }

    @Test
    void theLastReaderOfAWeightIsFusedWithItsStep() {
        UpdateFusion.Passes p = UpdateFusion.fuse(List.of(GRAD_INPUT, GRAD_WEIGHT), List.of(STEP));
        assertEquals(List.of("matmul_grad_input", "fused_matmul_grad_weight_update"),
                p.backward().stream().map(IrPrinter::opName).toList());
        assertEquals(List.of(), p.update());
    }

    @Test
    void aWeightReadLaterInTheBackwardPassIsUpdatedAfterIt() {
        UpdateFusion.Passes p = UpdateFusion.fuse(List.of(GRAD_WEIGHT, GRAD_INPUT), List.of(STEP));
        assertEquals(List.of(GRAD_WEIGHT, GRAD_INPUT), p.backward());
        assertEquals(List.of(STEP), p.update());
    }

    @Test
    void aGradientReadByAnotherUpdateIsStored() {
        Buffer other = Buffer.fixed("1.weight", Buffer.Role.PARAMETER, Shape.of(3, 4));
        Op alsoReads = step(other, Autodiff.gradient(WEIGHT));
        UpdateFusion.Passes p = UpdateFusion.fuse(List.of(GRAD_WEIGHT), List.of(STEP, alsoReads));
        assertEquals(List.of(GRAD_WEIGHT), p.backward());
    }
}
