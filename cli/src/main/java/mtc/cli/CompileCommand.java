package mtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import mtc.diag.DiagnosticRenderer;
import mtc.driver.ClassFileWriter;
import mtc.driver.CompileResult;
import mtc.driver.Compiler;
import mtc.driver.SourceLoad;
import mtc.driver.SourceReader;
import mtc.ir.IrPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtc compile}: writes the model's generated class below DIR (as {@code mtc/gen/Name.class},
 * which {@code mtc train DIR} loads), or prints the IR with {@code --emit ir}. Diagnostics go to
 * stderr; on success one line names the file written.
 */
@Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compile FILE.mt to a class file (or print its IR with --emit ir).")
final class CompileCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .mt file")
    Path file;

    /** Where the class goes without {@code -o}. */
    static final String DEFAULT_OUTPUT = "build/mtc";

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = DEFAULT_OUTPUT,
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--emit", paramLabel = "WHAT", defaultValue = "class",
            description = "class: write the class file; ir: print the IR to stdout, write nothing (default: "
                    + "${DEFAULT-VALUE})")
    String emit;

    @Override
    public Integer call() {
        if (!emit.equals("class") && !emit.equals("ir")) {
            throw new ParameterException(spec.commandLine(), "--emit takes 'class' or 'ir', not '" + emit + "'");
        }
        return compile(file, output, emit.equals("ir"), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Compiles {@code file}, then writes its class below {@code output} or prints its IR; the exit status. */
    static int compile(Path file, Path output, boolean ir, PrintWriter out, PrintWriter err) {
        SourceLoad read = SourceReader.read(file);
        DiagnosticRenderer renderer = new DiagnosticRenderer(false);
        if (!read.ok()) {
            err.print(renderer.render(read.file(), read.failure().get()));
            err.flush();
            return Main.INPUT_ERROR;
        }
        CompileResult result = Compiler.compile(read.file());
        err.print(renderer.render(read.file(), result.diagnostics()));
        err.flush();
        if (!result.ok()) return Main.INPUT_ERROR;
        return ir ? printIr(result, out) : writeClass(result, output, out, err);
    }

    private static int printIr(CompileResult result, PrintWriter out) {
        out.print(IrPrinter.print(result.compilation().program()));
        out.flush();
        return Main.OK;
    }

    private static int writeClass(CompileResult result, Path output, PrintWriter out, PrintWriter err) {
        try {
            Path written = ClassFileWriter.write(output, result.compilation().generated());
            out.println("wrote " + written);
            out.flush();
            return Main.OK;
        } catch (IOException e) {
            err.println("mtc: cannot write the class file to " + output + ": " + reason(e));
            err.flush();
            return Main.INPUT_ERROR;
        }
    }

    private static String reason(IOException e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + detail;
    }
}
