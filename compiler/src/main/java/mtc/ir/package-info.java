/**
 * The typed IR between the checker and code generation: ops that define values and read earlier
 * ones ({@link mtc.ir.Op}, {@link mtc.ir.Buffer}). Phases, in the order {@link mtc.ir.IrPipeline}
 * runs them:
 * <ol>
 *   <li>{@link mtc.ir.Lowering}: each checked layer becomes a few ops with constant feature sizes
 *       (training and evaluation variants, and PyTorch's default initialisation);</li>
 *   <li>{@link mtc.ir.Fusion#forward}: element-wise training ops (batch norm, relu, dropout; the loss
 *       and its gradient) merged into fused ops, only across values that have one reader;</li>
 *   <li>{@link mtc.ir.Autodiff}: the backward ops, each forward op's own derivative in reverse, with
 *       the gradients of a value read several times summed;</li>
 *   <li>{@link mtc.ir.Fusion#backward}: the fused norm's gradient takes over the bias gradient before it;</li>
 *   <li>{@link mtc.ir.OptimizerUpdates} and {@link mtc.ir.UpdateFusion}: one update per parameter (the
 *       optimizer is chosen at run time; its state tensors are values of their own), and each weight
 *       gradient's product merged with its step, so that the gradient is never stored;</li>
 *   <li>{@link mtc.ir.BufferPlan}: a storage slot per value, state tensors first in state-dict order,
 *       other slots reused by values whose lifetimes do not overlap.</li>
 * </ol>
 * The batch size is the one symbolic dimension ({@code B}): nothing here depends on it, so one
 * compiled model runs any batch size. How weights are laid out in memory and which kernels run
 * is code generation's choice, not the IR's. {@link mtc.ir.IrPrinter} gives {@code mtc compile --emit ir}.
 */
package mtc.ir;
