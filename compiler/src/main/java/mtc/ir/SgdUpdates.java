package mtc.ir;

import java.util.List;

/** Plain SGD: one update op per parameter, in state-dict order. */
public final class SgdUpdates {
    private SgdUpdates() {}

    public static List<Op> of(List<Buffer> state) {
        return state.stream()
                .filter(b -> b.role() == Buffer.Role.PARAMETER)
                .<Op>map(p -> new Op.SgdStep(p, Autodiff.gradient(p)))
                .toList();
    }
}
