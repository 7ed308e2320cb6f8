package mtc.runtime;

import java.util.ArrayList;
import java.util.List;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;

/**
 * The storage plan of a generated network, written by the compiler as text into the generated
 * class and parsed here once, when the network is constructed. Text rather than bytecode because
 * a 2,000-layer model's plan would not fit in one JVM method as array-building instructions,
 * while a few string constants hold it easily.
 *
 * <p>One entry per line, in slot order (state tensors first, in state-dict order):
 * <pre>
 * name MnistMlp
 * input 784
 * classes 10
 * lr NaN
 * state 0.weight F32 256,784 transposed
 * state 0.bias F32 256
 * state 1.num_batches_tracked I64 -
 * fixed 1.invstd 256
 * batched 0.product,0.out,eval.0.product,eval.0.out 256 eval
 * batched 0.out.grad 256
 * </pre>
 * A state tensor's shape is its state-dict shape; {@code transposed} marks a 2-D one stored as its
 * transpose (see {@link TensorSpec#transposed()}). Other slots name the values they hold in turn
 * (the compiler shares a slot between values whose lifetimes do not overlap). {@code fixed} slots have a constant size;
 * {@code batched} slots hold that many floats per sample, and {@code eval} marks those that
 * evaluation uses (the others exist only for training).
 * An optional {@code scratch N} line asks for N doubles of kernel workspace (per-channel sums).
 * An {@code optimizer} line gives the file's optimizer ({@link OptimizerSpec#text()}), a
 * {@code schedule} line its schedule; {@code moment NAME SIZE PARAM K} is a slot for the optimizer's
 * K-th state tensor (1 or 2) of the parameter named, stored as the parameter is and allocated only
 * when the optimizer in use keeps it.
 *
 * @param slots   the storage slots; state tensor {@code i} is slot {@code i}
 * @param scratch doubles of workspace that kernels share, one call at a time
 * @param moments the optimizer's state slots
 */
public record NetworkLayout(NetworkSpec spec, List<Slot> slots, int scratch, List<Moment> moments) {
    public NetworkLayout {
        slots = List.copyOf(slots);
        moments = List.copyOf(moments);
    }

    /** Slot {@code slot} holds the {@code k}-th optimizer state tensor (1 or 2) of state tensor {@code param}. */
    public record Moment(int slot, int param, int k) {}

    /** One array of the network: a state tensor, or the values (activations, gradients) it holds in turn. */
    public record Slot(List<String> values, DType dtype, int size, boolean batched, boolean usedInEval) {
        public Slot {
            values = List.copyOf(values);
        }
    }

    /** The slot that holds the value {@code name}, or -1 when no slot does. */
    public int slotHolding(String name) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).values().contains(name)) return i;
        }
        return -1;
    }

    /** Parses the concatenation of {@code parts} (split only to respect the class-file constant limit). */
    public static NetworkLayout parse(String... parts) {
        String name = null;
        List<Integer> input = List.of();
        int classes = 0;
        double lr = Double.NaN;
        int scratch = 0;
        List<TensorSpec> tensors = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        List<Moment> moments = new ArrayList<>();
        OptimizerSpec optimizer = null;
        ScheduleSpec schedule = null;
        for (String line : String.join("", parts).split("\n")) {
            int space = line.indexOf(' ');
            String key = line.substring(0, space);
            String value = line.substring(space + 1);
            switch (key) {
                case "name" -> name = value;
                case "input" -> input = dims(value);
                case "classes" -> classes = Integer.parseInt(value);
                case "lr" -> lr = Double.parseDouble(value);
                case "scratch" -> scratch = Integer.parseInt(value);
                case "state" -> tensors.add(stateSlot(value, slots));
                case "fixed", "batched" -> slots.add(bufferSlot(value, key.equals("batched")));
                case "optimizer" -> optimizer = OptimizerSpec.parse(value);
                case "schedule" -> schedule = ScheduleSpec.parse(value);
                case "moment" -> moments.add(momentSlot(value, slots, tensors));
                default -> throw new IllegalArgumentException("bad network layout line: " + line);
            }
        }
        return new NetworkLayout(new NetworkSpec(name, input, classes, tensors, lr, optimizer, schedule), slots,
                scratch, moments);
    }

    private static Moment momentSlot(String value, List<Slot> slots, List<TensorSpec> tensors) {
        String[] f = value.split(" ");
        int param = 0;
        while (!tensors.get(param).name().equals(f[2])) param++;
        slots.add(new Slot(List.of(f[0]), DType.F32, Integer.parseInt(f[1]), false, false));
        return new Moment(slots.size() - 1, param, Integer.parseInt(f[3]));
    }

    private static TensorSpec stateSlot(String value, List<Slot> slots) {
        String[] f = value.split(" ");
        boolean transposed = f.length > 3 && f[3].equals("transposed");
        TensorSpec tensor = new TensorSpec(f[0], DType.valueOf(f[1]), dims(f[2]), transposed);
        slots.add(new Slot(List.of(f[0]), tensor.dtype(), Math.toIntExact(tensor.numel()), false, true));
        return tensor;
    }

    private static Slot bufferSlot(String value, boolean batched) {
        String[] f = value.split(" ");
        boolean eval = f.length > 2 && f[2].equals("eval");
        return new Slot(List.of(f[0].split(",")), DType.F32, Integer.parseInt(f[1]), batched, eval || !batched);
    }

    private static List<Integer> dims(String text) {
        if (text.equals("-")) return List.of();
        List<Integer> dims = new ArrayList<>();
        for (String d : text.split(",")) dims.add(Integer.parseInt(d));
        return dims;
    }
}
