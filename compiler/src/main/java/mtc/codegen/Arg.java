package mtc.codegen;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One operand of a kernel call in generated code: how to push it, its JVM type, and an upper
 * bound on the bytes that takes, which is what lets {@link PhaseWriter} split methods before
 * they reach HotSpot's 8,000-byte compilation limit.
 */
sealed interface Arg {
    String BASE = "mtc/runtime/NetworkBase";

    String descriptor();

    void push(MethodVisitor mv);

    int maxBytes();

    /** {@code this.f[slot]}: aload_0, getfield, push index (up to ldc_w), aaload. */
    record FloatSlot(int slot) implements Arg {
        public String descriptor() { return "[F"; }
        public void push(MethodVisitor mv) { pushSlot(mv, "f", "[[F", slot); }
        public int maxBytes() { return 8; }
    }

    /** {@code this.l[slot]}, an I64 counter. */
    record LongSlot(int slot) implements Arg {
        public String descriptor() { return "[J"; }
        public void push(MethodVisitor mv) { pushSlot(mv, "l", "[[J", slot); }
        public int maxBytes() { return 8; }
    }

    /** A field of the base class holding the current call's input ({@code x}, {@code labels}, ...). */
    record Field(String name, String descriptor) implements Arg {
        static final Field INPUT = new Field("x", "[F");
        static final Field LABELS = new Field("labels", "[I");
        static final Field RNG = new Field("rng", "Lmtc/runtime/Rng;");
        static final Field STATS = new Field("stats", "Lmtc/runtime/StepStats;");
        static final Field PROBS = new Field("probs", "[F");
        static final Field SCRATCH = new Field("scratch", "[D");
        /** The optimizer's step in progress: its coefficients, for every update. */
        static final Field OPTIMIZER = new Field("optimizer", "Lmtc/kernels/OptimizerStep;");

        public void push(MethodVisitor mv) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, BASE, name, descriptor);
        }
        public int maxBytes() { return 4; }
    }

    /** The generated method's own argument: the batch size {@code n} or the learning rate. */
    record Parameter(String descriptor, int loadOpcode) implements Arg {
        static final Parameter BATCH = new Parameter("I", Opcodes.ILOAD);
        static final Parameter LR = new Parameter("F", Opcodes.FLOAD);

        public void push(MethodVisitor mv) { mv.visitVarInsn(loadOpcode, 1); }
        public int maxBytes() { return 2; }
    }

    record IntConst(int value) implements Arg {
        public String descriptor() { return "I"; }
        public void push(MethodVisitor mv) { pushInt(mv, value); }
        public int maxBytes() { return 3; }
    }

    record FloatConst(float value) implements Arg {
        public String descriptor() { return "F"; }
        public void push(MethodVisitor mv) {
            boolean positiveZero = Float.floatToRawIntBits(value) == 0; // fconst_0 cannot give -0.0
            if (positiveZero || value == 1f || value == 2f) {
                mv.visitInsn(Opcodes.FCONST_0 + (int) value);
            } else {
                mv.visitLdcInsn(value);
            }
        }
        public int maxBytes() { return 3; }
    }

    private static void pushSlot(MethodVisitor mv, String field, String descriptor, int slot) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, BASE, field, descriptor);
        pushInt(mv, slot);
        mv.visitInsn(Opcodes.AALOAD);
    }

    static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) mv.visitInsn(Opcodes.ICONST_0 + value);
        else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, value);
        else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) mv.visitIntInsn(Opcodes.SIPUSH, value);
        else mv.visitLdcInsn(value);
    }
}
