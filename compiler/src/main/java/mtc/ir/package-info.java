/**
 * The typed IR between the checker and code generation. Phases, in the order
 * {@link mtc.ir.IrPipeline} runs them:
 * <ol>
 *   <li>{@link mtc.ir.Lowering}: each checked layer becomes a few {@link mtc.ir.Op}s with constant
 *       feature sizes (training and evaluation variants, and PyTorch's default initialisation);</li>
 *   <li>{@link mtc.ir.Autodiff}: the backward ops, derived op by op from the forward ops in reverse;</li>
 *   <li>{@link mtc.ir.SgdUpdates}: one update per parameter;</li>
 *   <li>{@link mtc.ir.Fusion}: adjacent element-wise training ops (batch norm, relu, dropout; the
 *       loss and its gradient) merged into fused ops that compute the same numbers in fewer passes;</li>
 *   <li>{@link mtc.ir.UpdateFusion}: each weight gradient's product merged with the weight's SGD step,
 *       so that the gradient is never stored;</li>
 *   <li>{@link mtc.ir.BufferPlan}: a storage slot per buffer, state tensors first in state-dict order.</li>
 * </ol>
 * The batch size is the one symbolic dimension ({@code B}): nothing here depends on it, so one
 * compiled model runs any batch size. {@link mtc.ir.IrPrinter} gives {@code mtc compile --emit ir}.
 */
package mtc.ir;
