package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import mtc.diag.DiagnosticRenderer;
import mtc.driver.Frontend;
import mtc.driver.FrontendResult;
import mtc.driver.SourceLoad;
import mtc.driver.SourceReader;

/** Reads and checks one {@code .mt} file for a command, printing its diagnostics to stderr. */
final class Sources {
    private Sources() {}

    /** The front end's result for {@code path}; a file that cannot be read gives its one diagnostic. */
    static FrontendResult check(Path path, DiagnosticRenderer renderer, PrintWriter err) {
        SourceLoad load = SourceReader.read(path);
        FrontendResult result = load.ok() ? Frontend.check(load.file())
                : new FrontendResult(List.of(load.failure().get()), null);
        err.print(renderer.render(load.file(), result.diagnostics()));
        err.flush();
        return result;
    }
}
