package mtc.driver;

import java.util.Optional;
import mtc.diag.Diagnostic;
import mtc.diag.SourceFile;

/**
 * A file read for the front end: its text, or why it could not be read. {@code file} is always
 * present (with empty text on failure) so that the failure can be rendered under the file's name.
 */
public record SourceLoad(SourceFile file, Optional<Diagnostic> failure) {
    public boolean ok() {
        return failure.isEmpty();
    }
}
