package mtc.codegen;

import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A call of a static kernel method of {@code mtc.kernels} with constant and buffer operands. */
record KernelCall(String kernelClass, String method, List<Arg> args) implements Item {
    KernelCall {
        args = List.copyOf(args);
    }

    static KernelCall of(String kernelClass, String method, Arg... args) {
        return new KernelCall(kernelClass, method, List.of(args));
    }

    String descriptor() {
        return args.stream().map(Arg::descriptor).collect(Collectors.joining("", "(", ")V"));
    }

    @Override
    public int maxBytes() {
        return 3 + args.stream().mapToInt(Arg::maxBytes).sum();
    }

    @Override
    public void emit(MethodVisitor mv) {
        args.forEach(a -> a.push(mv));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "mtc/kernels/" + kernelClass, method, descriptor(), false);
    }
}
