package mtc.codegen;

import java.util.List;
import java.util.Objects;
import mtc.ir.Op;
import mtc.ir.Program;
import mtc.optim.OptimizerSpec;
import mtc.optim.ScheduleSpec;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Generates the class of one model: a subclass of {@code mtc.runtime.NetworkBase} whose phases
 * (initialise, forward in training and evaluation mode, backward, SGD update) are straight-line
 * calls of kernels with every feature size a constant, and whose constructor hands the storage
 * plan to the base class.
 */
public final class ClassGenerator {
    private ClassGenerator() {}

    public static GeneratedClass generate(Program program) {
        return generate(program, null, null);
    }

    /** The class of {@code program}, whose spec names the file's optimizer and schedule (each null when none). */
    public static GeneratedClass generate(Program program, OptimizerSpec optimizer, ScheduleSpec schedule) {
        String name = ClassNames.forModel(program.name());
        String internal = name.replace('.', '/');
        ClassWriter cw = new FramelessClassWriter();
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internal, null,
                Arg.BASE, null);
        cw.visitSource(program.name() + ".mt", null);
        KernelChoice choice = new KernelChoice(program);
        constructor(cw, LayoutText.pieces(program, choice, optimizer, schedule));
        KernelCalls calls = new KernelCalls(program, choice);
        PhaseWriter phases = new PhaseWriter(cw, internal);
        phases.write("initializeState", null, kernelCalls(program.init(), calls));
        phases.write("forwardTrain", Arg.Parameter.BATCH, kernelCalls(program.forwardTrain(), calls));
        phases.write("forwardEval", Arg.Parameter.BATCH, kernelCalls(program.forwardEval(), calls));
        phases.write("backward", Arg.Parameter.BATCH, kernelCalls(program.backward(), calls));
        phases.write("update", Arg.Parameter.LR, kernelCalls(program.update(), calls));
        cw.visitEnd();
        return new GeneratedClass(name, bytes(cw, program));
    }

    private static byte[] bytes(ClassWriter cw, Program program) {
        try {
            return cw.toByteArray();
        } catch (ClassTooLargeException | MethodTooLargeException e) {
            throw new ModelTooLargeException("the model is too large to compile: its " + program.buffers().size()
                    + " values exceed the limits of a Java class file", e);
        }
    }

    /** The calls of {@code ops} in order; views have none. */
    private static List<KernelCall> kernelCalls(List<Op> ops, KernelCalls calls) {
        return ops.stream().map(op -> op.accept(calls)).filter(Objects::nonNull).toList();
    }

    /** {@code public Name() { super(new String[] {piece0, piece1, ...}); }}. */
    private static void constructor(ClassWriter cw, List<String> pieces) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        Arg.pushInt(mv, pieces.size());
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
        for (int i = 0; i < pieces.size(); i++) {
            mv.visitInsn(Opcodes.DUP);
            Arg.pushInt(mv, i);
            mv.visitLdcInsn(pieces.get(i));
            mv.visitInsn(Opcodes.AASTORE);
        }
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, Arg.BASE, "<init>", "([Ljava/lang/String;)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Generated code has no branches, so no stack map frame ever merges two types; computing
     * maxima is enough, and no class ever needs loading to find a common superclass.
     */
    private static final class FramelessClassWriter extends ClassWriter {
        FramelessClassWriter() {
            super(ClassWriter.COMPUTE_MAXS);
        }
    }
}
