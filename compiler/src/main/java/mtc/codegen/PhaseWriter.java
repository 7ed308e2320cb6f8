package mtc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes one phase of a network (forward, backward, ...) as straight-line code, split into
 * private methods of at most {@link #BUDGET} bytes so that HotSpot compiles every one of them
 * (it refuses methods over 8,000 bytes). When the calls of the chunks themselves exceed the
 * budget, they are split again: a tree of methods, so any number of layers fits.
 */
final class PhaseWriter {
    /** Bytes per method, well under HotSpot's 8,000 so that the size bounds need not be tight. */
    static final int BUDGET = 4000;

    private final ClassWriter cw;
    private final String owner;

    PhaseWriter(ClassWriter cw, String owner) {
        this.cw = cw;
        this.owner = owner;
    }

    /**
     * Writes {@code name}, a protected override taking {@code parameter} (or no argument when
     * null), whose body is {@code calls} in order.
     */
    void write(String name, Arg.Parameter parameter, List<? extends Item> calls) {
        String descriptor = parameter == null ? "()V" : "(" + parameter.descriptor() + ")V";
        List<Item> items = new ArrayList<>(calls);
        int chunk = 0;
        while (size(items) > BUDGET) {
            List<Item> children = new ArrayList<>();
            for (List<Item> group : pack(items)) {
                String child = name + "$" + chunk++;
                method(Opcodes.ACC_PRIVATE, child, descriptor, group);
                children.add(new ChildCall(child, descriptor, parameter));
            }
            items = children;
        }
        method(Opcodes.ACC_PROTECTED, name, descriptor, items);
    }

    private static int size(List<Item> items) {
        return 1 + items.stream().mapToInt(Item::maxBytes).sum();
    }

    /** Consecutive groups, each within the budget (with one byte for the return). */
    private static List<List<Item>> pack(List<Item> items) {
        List<List<Item>> groups = new ArrayList<>();
        List<Item> group = new ArrayList<>();
        int bytes = 1;
        for (Item item : items) {
            if (bytes + item.maxBytes() > BUDGET && !group.isEmpty()) {
                groups.add(group);
                group = new ArrayList<>();
                bytes = 1;
            }
            group.add(item);
            bytes += item.maxBytes();
        }
        groups.add(group);
        return groups;
    }

    private void method(int access, String name, String descriptor, List<Item> body) {
        MethodVisitor mv = cw.visitMethod(access, name, descriptor, null, null);
        mv.visitCode();
        body.forEach(item -> item.emit(mv));
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code this.child(arg)}: a call of a chunk method, passing the phase's argument on. */
    private final class ChildCall implements Item {
        private final String name;
        private final String descriptor;
        private final Arg.Parameter parameter;

        ChildCall(String name, String descriptor, Arg.Parameter parameter) {
            this.name = name;
            this.descriptor = descriptor;
            this.parameter = parameter;
        }

        @Override
        public int maxBytes() { return 6; }

        @Override
        public void emit(MethodVisitor mv) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            if (parameter != null) parameter.push(mv);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, name, descriptor, false);
        }
    }
}
