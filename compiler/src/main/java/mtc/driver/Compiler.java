package mtc.driver;

import java.util.ArrayList;
import java.util.List;
import mtc.check.CheckedModel;
import mtc.codegen.ClassGenerator;
import mtc.codegen.ModelTooLargeException;
import mtc.diag.Diagnostic;
import mtc.diag.SourceFile;
import mtc.ir.IrPipeline;
import mtc.ir.Program;

/**
 * The whole compiler: source to checked model ({@link Frontend}), checked model to IR (lowering,
 * backward derivation, buffer planning: {@link IrPipeline}) and IR to a class file
 * ({@link ClassGenerator}). Stops after the front end when it reports an error.
 */
public final class Compiler {
    private Compiler() {}

    public static CompileResult compile(SourceFile source) {
        FrontendResult front = Frontend.check(source);
        if (front.hasErrors() || front.model() == null) return new CompileResult(front.diagnostics(), null);
        try {
            return new CompileResult(front.diagnostics(), compile(front.model()));
        } catch (ModelTooLargeException e) {
            List<Diagnostic> diagnostics = new ArrayList<>(front.diagnostics());
            diagnostics.add(Diagnostic.fileError(e.getMessage()));
            return new CompileResult(diagnostics, null);
        }
    }

    /** The back end alone, for a model already checked; throws ModelTooLargeException past JVM limits. */
    public static Compilation compile(CheckedModel model) {
        Program program = IrPipeline.build(model);
        CheckedModel.Optimizer optimizer = model.optimizer();
        return new Compilation(program, ClassGenerator.generate(program, optimizer == null ? null : optimizer.spec(),
                model.schedule()), model.data());
    }
}
