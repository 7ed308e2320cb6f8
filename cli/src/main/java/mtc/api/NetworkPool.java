package mtc.api;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.TensorSpec;

/**
 * Instances of one generated network for concurrent inference: a network keeps its activations
 * in fields, so two threads must never run the same instance at once. A caller takes an idle
 * instance (or a new one, of the same class, so the JIT's code is shared) and gives it back; the
 * pool therefore grows to the number of threads that predict at the same time, each instance with
 * its own copy of the weights. Copies rather than shared arrays keep the generated class
 * untouched, and cost the weights' size per concurrent thread (3 MB for the seed model).
 */
final class NetworkPool {
    private final Network weights;
    private final ConcurrentLinkedQueue<Network> idle = new ConcurrentLinkedQueue<>();

    /** A pool of copies of {@code weights}, which joins the pool itself and must not be changed after. */
    NetworkPool(Network weights) {
        this.weights = weights;
        idle.add(weights);
    }

    Network take() {
        Network net = idle.poll();
        return net != null ? net : copy();
    }

    void give(Network net) {
        idle.add(net);
    }

    /** A new instance of the network's class holding the same state. */
    private Network copy() {
        Network net;
        try {
            net = (Network) weights.getClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create another " + weights.spec().name(), e);
        }
        List<TensorSpec> tensors = weights.spec().tensors();
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).dtype() == DType.F32) {
                System.arraycopy(weights.floats(i), 0, net.floats(i), 0, weights.floats(i).length);
            } else {
                System.arraycopy(weights.longs(i), 0, net.longs(i), 0, weights.longs(i).length);
            }
        }
        return net;
    }
}
