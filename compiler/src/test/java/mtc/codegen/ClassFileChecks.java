package mtc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** Structural checks of generated class files: ASM's verifier and bytecode size per method. */
public final class ClassFileChecks {
    /** HotSpot does not JIT-compile methods larger than this. */
    public static final int HUGE_METHOD = 8000;

    private ClassFileChecks() {}

    /** Runs ASM's data-flow verifier over every method; fails with its report. */
    public static void assertVerifies(byte[] classFile) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), ClassFileChecks.class.getClassLoader(), false,
                new PrintWriter(report));
        assertEquals("", report.toString(), "CheckClassAdapter report");
    }

    /**
     * Every kernel the class calls exists as a public static method of {@code mtc.kernels} with that
     * exact descriptor: code generation names kernels by class and method, and this is where that
     * contract with the runtime is checked for every op.
     */
    public static void assertKernelCallsResolve(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        for (MethodNode method : node.methods) {
            for (var insn : method.instructions) {
                if (insn instanceof org.objectweb.asm.tree.MethodInsnNode call && call.owner.startsWith("mtc/kernels/")) {
                    assertTrue(resolves(call.owner, call.name, call.desc),
                            "no public static " + call.owner + "." + call.name + call.desc);
                }
            }
        }
    }

    private static boolean resolves(String owner, String name, String descriptor) {
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'));
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.getName().equals(name) && java.lang.reflect.Modifier.isStatic(m.getModifiers())
                        && org.objectweb.asm.Type.getMethodDescriptor(m).equals(descriptor)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Every method's bytecode length must stay under HotSpot's compilation limit. */
    public static void assertMethodsCompilable(byte[] classFile) {
        codeSizes(classFile).forEach((name, size) ->
                assertTrue(size < HUGE_METHOD, name + " has " + size + " bytes of bytecode"));
    }

    /** Bytecode length of each method, found by rewriting it and reading the offset of a final label. */
    public static Map<String, Integer> codeSizes(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (MethodNode method : node.methods) sizes.put(method.name + method.desc, codeSize(method));
        return sizes;
    }

    private static int codeSize(MethodNode method) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Probe", null, "java/lang/Object", null);
        MethodVisitor writer = cw.visitMethod(method.access, method.name, method.desc, null, null);
        Label end = new Label();
        method.accept(new MethodVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                super.visitLabel(end);
                super.visitMaxs(maxStack, maxLocals);
            }
        });
        return end.getOffset();
    }
}
