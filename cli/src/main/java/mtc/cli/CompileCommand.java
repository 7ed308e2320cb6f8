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

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "build/mtc",
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
        PrintWriter err = spec.commandLine().getErr();
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
        return emit.equals("ir") ? printIr(result) : writeClass(result);
    }

    private int printIr(CompileResult result) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(IrPrinter.print(result.compilation().program()));
        out.flush();
        return Main.OK;
    }

    private int writeClass(CompileResult result) {
        try {
            Path written = ClassFileWriter.write(output, result.compilation().generated());
            spec.commandLine().getOut().println("wrote " + written);
            spec.commandLine().getOut().flush();
            return Main.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("mtc: cannot write the class file to " + output + ": " + reason(e));
            spec.commandLine().getErr().flush();
            return Main.INPUT_ERROR;
        }
    }

    private static String reason(IOException e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + detail;
    }
}
