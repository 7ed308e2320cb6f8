package mtc.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mtc.check.ActivationKind;
import mtc.check.PoolKind;
import mtc.check.Window;
import mtc.kernels.Conv2d;

/**
 * Merges element-wise ops of the training passes into fused ops, so that each value is read and
 * written once per pass instead of once per op. A value is hidden inside a fused op only when
 * that op is its one reader: a value with two uses (a residual connection's input) stays.
 * <ul>
 *   <li>forward, before derivation: training batch norm over feature rows, then relu, then
 *       (optionally) dropout become one {@link Op.FusedBatchNormReluDropout}, over images batch
 *       norm and relu one {@link Op.FusedBatchNormRelu}; softmax cross-entropy
 *       becomes {@link Op.FusedSoftmaxCrossEntropy}, which writes its gradient in the forward pass;
 *       relu followed by max pooling becomes {@link Op.FusedReluMaxPool}, and with the
 *       convolution and bias before it {@link Op.FusedConvReluMaxPool}; a convolution and its bias
 *       otherwise become {@link Op.FusedConvBias}; a residual connection's
 *       sum followed by relu becomes {@link Op.FusedAddRelu}.
 *       Fused ops carry their own derivatives;</li>
 *   <li>backward, after derivation: the fused norm's gradient also takes over the bias gradient
 *       of the linear layer before it, when that reads the norm's input gradient, and a norm's
 *       gradient over images that of the convolution before it ({@link Op.FusedBatchNormGradBias});
 *       the sum of a value's two gradients followed by relu's gradient, the sum's one reader,
 *       becomes one {@link Op.FusedAddReluGrad}.</li>
 * </ul>
 * Fused ops compute the same numbers as the ops they replace.
 */
public final class Fusion {
    private Fusion() {}

    public static List<Op> forward(List<Op> ops) {
        Uses uses = Uses.of(ops);
        Set<Op> absorbed = new HashSet<>();
        List<Op> out = new ArrayList<>();
        for (Op op : ops) {
            if (absorbed.contains(op)) continue;
            Op withNext = withItsReader(op, ops, uses, absorbed);
            if (withNext != null) {
                out.add(withNext);
            } else if (op instanceof Op.BatchNormTrain norm) {
                out.add(normGroup(norm, ops, uses, absorbed));
            } else if (op instanceof Op.SoftmaxCrossEntropy loss) {
                out.add(new Op.FusedSoftmaxCrossEntropy(loss.logits(), lossGradient(loss.logits(), uses),
                        loss.classes()));
            } else {
                out.add(op);
            }
        }
        return withConvolutions(out);
    }

    /**
     * The norm with the relu and dropout that are the only readers of its output (over images, the
     * relu unless a max pooling takes it), or the norm alone.
     */
    private static Op normGroup(Op.BatchNormTrain norm, List<Op> ops, Uses uses, Set<Op> absorbed) {
        Op.Activation relu = soleReader(ops, uses, norm.out()) instanceof Op.Activation a
                && a.kind() == ActivationKind.RELU ? a : null;
        if (relu == null) return norm;
        if (norm.spatial() > 1) {
            if (maxPoolAfter(relu, ops, uses) != null) return norm;
            absorbed.add(relu);
            return new Op.FusedBatchNormRelu(norm, relu.out(), relu.width());
        }
        Op.DropoutTrain dropout = soleReader(ops, uses, relu.out()) instanceof Op.DropoutTrain d ? d : null;
        absorbed.add(relu);
        if (dropout != null) absorbed.add(dropout);
        Buffer out = dropout == null ? relu.out() : dropout.out();
        Buffer gate = Buffer.batched(relu.out().name().replace(".out", ".gate"), Buffer.Role.SAVED, out.shape());
        return new Op.FusedBatchNormReluDropout(norm, out, gate, dropout == null ? 0f : dropout.p());
    }

    /**
     * {@code op} fused with the one reader of its output, which joins {@code absorbed}: relu with the
     * max pooling after it (window positions are kept as floats, so only planes small enough for
     * every offset to be exact), a residual sum with the relu after it, evaluation-mode batch norm
     * over images with the relu after it; null when none applies.
     */
    private static Op withItsReader(Op op, List<Op> ops, Uses uses, Set<Op> absorbed) {
        Op.Pool2d pool = op instanceof Op.Activation relu ? maxPoolAfter(relu, ops, uses) : null;
        if (pool != null) {
            absorbed.add(pool);
            Buffer argmax = Buffer.batched(pool.out().name().replace(".out", ".argmax"), Buffer.Role.SAVED,
                    pool.out().shape());
            return new Op.FusedReluMaxPool(((Op.Activation) op).in(), pool.out(), argmax, pool.geometry());
        }
        if (op instanceof Op.Add add && soleReader(ops, uses, add.out()) instanceof Op.Activation relu
                && relu.kind() == ActivationKind.RELU) {
            absorbed.add(relu);
            return new Op.FusedAddRelu(add.a(), add.b(), add.out(), relu.out(), add.width());
        }
        if (op instanceof Op.BatchNormEval norm && norm.spatial() > 1
                && soleReader(ops, uses, norm.out()) instanceof Op.Activation relu && relu.kind() == ActivationKind.RELU
                && maxPoolAfter(relu, ops, uses) == null) {
            absorbed.add(relu);
            return new Op.FusedBatchNormEvalRelu(norm, relu.out());
        }
        return null;
    }

    /**
     * The max pooling that is the one reader of {@code relu}'s output and that it fuses with, or
     * null. A batch norm before such a relu is left alone: the pooling's fusion spares more (its
     * backward pass scatters to the kept argmax instead of searching the windows again).
     */
    private static Op.Pool2d maxPoolAfter(Op.Activation relu, List<Op> ops, Uses uses) {
        if (relu.kind() == ActivationKind.RELU && soleReader(ops, uses, relu.out()) instanceof Op.Pool2d pool
                && pool.kind() == PoolKind.MAX && (long) pool.geometry().h() * pool.geometry().w() < 1 << 24) {
            return pool;
        }
        return null;
    }

    /**
     * The evaluation pass: a residual connection's sum and the relu after it, relu and the max
     * pooling after it, and batch norm over images and the relu after it become one op each, as in
     * training (the pooling's argmax is written and not read: a quarter of what the relu's output cost).
     */
    public static List<Op> evaluation(List<Op> ops) {
        Uses uses = Uses.of(ops);
        Set<Op> absorbed = new HashSet<>();
        List<Op> out = new ArrayList<>();
        for (Op op : ops) {
            if (absorbed.contains(op)) continue;
            Op withNext = withItsReader(op, ops, uses, absorbed);
            out.add(withNext == null ? op : withNext);
        }
        return withConvolutions(out);
    }

    /**
     * {@code ops} with each convolution whose one reader is its bias, whose one reader is a fused
     * relu and 2x2 max pooling with stride 2, made one {@link Op.FusedConvReluMaxPool} where the
     * pooling was (the two ops before it drop out), when the kernel can pool each sample's product
     * as it leaves it ({@link Conv2d#suitsReluMaxPool}: unit strides, an even output size); each
     * other convolution whose one reader is its bias made one {@link Op.FusedConvBias} where the
     * bias was.
     */
    private static List<Op> withConvolutions(List<Op> ops) {
        Uses uses = Uses.of(ops);
        Set<Op> absorbed = new HashSet<>();
        Map<Op, Op> fused = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof Op.Conv2d conv && soleReader(ops, uses, conv.out()) instanceof Op.BiasAdd bias
                    && soleReader(ops, uses, bias.out()) instanceof Op.FusedReluMaxPool pool && poolsAsItGoes(conv, pool)) {
                absorbed.add(conv);
                absorbed.add(bias);
                fused.put(pool, new Op.FusedConvReluMaxPool(conv, bias, pool));
            }
        }
        for (Op op : ops) {
            if (op instanceof Op.Conv2d conv && !absorbed.contains(conv)
                    && soleReader(ops, uses, conv.out()) instanceof Op.BiasAdd bias) {
                absorbed.add(conv);
                fused.put(bias, new Op.FusedConvBias(conv, bias));
            }
        }
        List<Op> out = new ArrayList<>();
        for (Op op : ops) {
            if (!absorbed.contains(op)) out.add(fused.getOrDefault(op, op));
        }
        return out;
    }

    private static boolean poolsAsItGoes(Op.Conv2d conv, Op.FusedReluMaxPool pool) {
        ImageGeometry g = conv.geometry();
        Window c = g.window(), p = pool.geometry().window();
        return Conv2d.suitsReluMaxPool(c.sh(), c.sw(), g.oh(), g.ow())
                && p.kh() == 2 && p.kw() == 2 && p.sh() == 2 && p.sw() == 2 && p.dh() == 1 && p.dw() == 1
                && p.padHeight() == 0 && p.padWidth() == 0;
    }

    private static Op soleReader(List<Op> ops, Uses uses, Buffer b) {
        return uses.count(b) == 1 ? Uses.onlyReader(ops, b) : null;
    }

    private static Buffer lossGradient(Buffer logits, Uses uses) {
        Buffer g = Autodiff.gradient(logits);
        return uses.count(logits) == 1 ? g : new Buffer(g.name() + ".loss", g.role(), g.shape(), g.batched());
    }

    public static List<Op> backward(List<Op> ops) {
        Uses uses = Uses.of(ops);
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            Op next = i + 1 < ops.size() ? ops.get(i + 1) : null;
            if (op instanceof Op.FusedBatchNormReluDropoutGrad norm && norm.dBias() == null
                    && next instanceof Op.BiasGrad bias && bias.spatial() == 1
                    && bias.dOut().name().equals(norm.norm().dIn().name())) {
                out.add(new Op.FusedBatchNormReluDropoutGrad(norm.dOut(), norm.gate(), norm.norm(), bias.dBias()));
                i++;
            } else if (op instanceof Op.BatchNormGrad norm && norm.spatial() > 1
                    && next instanceof Op.BiasGrad bias && bias.dOut().name().equals(norm.dIn().name())) {
                out.add(new Op.FusedBatchNormGradBias(norm, bias.dBias()));
                i++;
            } else if (op instanceof Op.Add sum && next instanceof Op.ActivationGrad relu
                    && relu.kind() == ActivationKind.RELU && relu.dOut().name().equals(sum.out().name())
                    && uses.count(sum.out()) == 1) {
                out.add(new Op.FusedAddReluGrad(sum.a(), sum.b(), relu.saved(), relu.dIn(), sum.width()));
                i++;
            } else {
                out.add(op);
            }
        }
        return out;
    }
}
