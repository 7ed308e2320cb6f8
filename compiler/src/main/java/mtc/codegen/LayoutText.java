package mtc.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import mtc.check.Shape;
import mtc.ir.Buffer;
import mtc.ir.Op;
import mtc.ir.Program;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;

/**
 * The storage plan that {@code mtc.runtime.NetworkLayout} parses, written as text and cut into
 * pieces that each fit one class-file string constant (65,535 bytes of modified UTF-8).
 */
final class LayoutText {
    /** Characters per piece: at most 3 bytes each in modified UTF-8, so under 65,535 bytes. */
    private static final int PIECE = 20_000;

    private LayoutText() {}

    static List<String> pieces(Program p, KernelChoice choice, OptimizerSpec optimizer, ScheduleSpec schedule) {
        String text = text(p, choice, optimizer, schedule);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    static String text(Program p, KernelChoice choice) {
        return text(p, choice, null, null);
    }

    static String text(Program p, KernelChoice choice, OptimizerSpec optimizer, ScheduleSpec schedule) {
        StringBuilder out = new StringBuilder();
        out.append("name ").append(p.name().replaceAll("[\\r\\n]", " ")).append('\n');
        out.append("input ").append(dims(p.input())).append('\n');
        out.append("classes ").append(p.classes()).append('\n');
        out.append("lr ").append(p.defaultLr()).append('\n');
        out.append("scratch ").append(scratchDoubles(p)).append('\n');
        if (optimizer != null) out.append("optimizer ").append(optimizer.text()).append('\n');
        if (schedule != null) out.append("schedule ").append(schedule.text()).append('\n');
        for (Buffer b : p.stateDict()) out.append(stateLine(b, choice.transposed(b))).append('\n');
        Map<String, String> moments = momentLines(p);
        for (Program.Slot slot : p.slots().subList(p.stateDict().size(), p.slots().size())) {
            String moment = moments.get(slot.values().get(0));
            out.append(moment != null ? moment : slotLine(slot)).append('\n');
        }
        return out.toString();
    }

    /** The {@code moment} line of each optimizer state tensor, by its name. */
    private static Map<String, String> momentLines(Program p) {
        Map<String, String> lines = new HashMap<>();
        for (Op op : Stream.concat(p.backward().stream(), p.update().stream()).toList()) {
            if (op instanceof Op.OptimizerUpdate u) addMoments(lines, u.param(), u.moment1(), u.moment2());
            if (op instanceof Op.FusedMatMulGradWeightUpdate u) addMoments(lines, u.weight(), u.moment1(), u.moment2());
        }
        return lines;
    }

    private static void addMoments(Map<String, String> lines, Buffer param, Buffer m1, Buffer m2) {
        lines.put(m1.name(), "moment " + m1.name() + " " + m1.size() + " " + param.name() + " 1");
        lines.put(m2.name(), "moment " + m2.name() + " " + m2.size() + " " + param.name() + " 2");
    }

    /** Batch norm accumulates two double sums per channel (alone or fused). */
    private static int scratchDoubles(Program p) {
        return p.forwardTrain().stream()
                .mapToInt(LayoutText::normChannels)
                .map(channels -> 2 * channels)
                .max().orElse(0);
    }

    private static int normChannels(Op op) {
        if (op instanceof Op.BatchNormTrain norm) return norm.channels();
        if (op instanceof Op.FusedBatchNormReluDropout fused) return fused.norm().channels();
        if (op instanceof Op.FusedBatchNormRelu fused) return fused.norm().channels();
        return 0;
    }

    private static String stateLine(Buffer b, boolean transposed) {
        String dtype = b.role() == Buffer.Role.COUNTER ? "I64" : "F32";
        return "state " + b.name() + " " + dtype + " " + dims(b.shape()) + (transposed ? " transposed" : "");
    }

    private static String slotLine(Program.Slot slot) {
        String names = String.join(",", slot.values());
        if (!slot.batched()) return "fixed " + names + " " + slot.size();
        return "batched " + names + " " + slot.size() + (slot.usedInEval() ? " eval" : "");
    }

    private static String dims(Shape shape) {
        if (shape.rank() == 0) return "-";
        return shape.dims().stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
