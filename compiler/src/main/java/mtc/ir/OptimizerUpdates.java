package mtc.ir;

import java.util.List;

/**
 * The optimizer's update: one {@link Op.OptimizerUpdate} per parameter, in state-dict order, each
 * with its two state tensors ({@code <param>.moment1}, {@code <param>.moment2}, shaped as the
 * parameter), which the optimizer chosen at run time uses as far as it needs them.
 */
public final class OptimizerUpdates {
    private OptimizerUpdates() {}

    public static List<Op> of(List<Buffer> state) {
        return state.stream()
                .filter(b -> b.role() == Buffer.Role.PARAMETER)
                .<Op>map(p -> new Op.OptimizerUpdate(p, Autodiff.gradient(p), moment(p, 1), moment(p, 2)))
                .toList();
    }

    static Buffer moment(Buffer param, int k) {
        return Buffer.fixed(param.name() + ".moment" + k, Buffer.Role.OPTIMIZER_STATE, param.shape());
    }
}
