package mtc.driver;

import mtc.check.CheckedModel;
import mtc.codegen.ClassGenerator;
import mtc.ir.IrPipeline;
import mtc.ir.Program;

/**
 * The back end of mtc: a checked model to IR (lowering, backward derivation, buffer planning)
 * and IR to a class file.
 */
public final class Compiler {
    private Compiler() {}

    public static Compilation compile(CheckedModel model) {
        Program program = IrPipeline.build(model);
        return new Compilation(program, ClassGenerator.generate(program));
    }
}
