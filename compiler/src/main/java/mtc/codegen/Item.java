package mtc.codegen;

import org.objectweb.asm.MethodVisitor;

/** A piece of straight-line code in a generated method, with an upper bound on its bytecode size. */
interface Item {
    int maxBytes();

    void emit(MethodVisitor mv);
}
