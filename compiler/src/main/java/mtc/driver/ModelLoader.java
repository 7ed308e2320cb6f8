package mtc.driver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mtc.codegen.GeneratedClass;
import mtc.codegen.NetworkClasses;
import mtc.diag.Diagnostic;
import mtc.diag.DiagnosticRenderer;
import mtc.diag.SourceFile;
import mtc.runtime.Network;

/**
 * Turns what the user names on the command line into a ready {@link Network}: a {@code .mt}
 * file (compiled in memory) or the output folder / class file of {@code mtc compile}.
 */
public final class ModelLoader {
    /** Far beyond any generated class (a 2,000-layer model's is ~0.5 MB); guards against reading a wrong file. */
    private static final long MAX_CLASS_BYTES = 64L << 20;
    /** How deep to look for the class inside an output folder ({@code DIR/mtc/gen/X.class} is depth 3). */
    private static final int MAX_DEPTH = 4;

    private ModelLoader() {}

    /** Thrown when the model cannot be loaded; {@link #getMessage()} is the full text to print. */
    public static final class LoadException extends Exception {
        public LoadException(String renderedMessage) {
            super(renderedMessage);
        }
    }

    /**
     * A loaded model and the data set its source names ({@code data fashion-mnist}); null when it
     * names none or came from a class file, which does not keep the statement.
     */
    public record Loaded(Network network, String data) {}

    /**
     * Loads the model at {@code path}, printing a source file's warnings to stderr. On failure
     * the exception's message holds the rendered diagnostics (or a one-line error) ready to print.
     */
    public static Network load(Path path) throws LoadException {
        return load(path, System.err);
    }

    /** As {@link #load(Path)}, with the warnings of a {@code .mt} file printed to {@code warnings}. */
    public static Network load(Path path, PrintStream warnings) throws LoadException {
        return open(path, warnings).network();
    }

    /** As {@link #load(Path, PrintStream)}, with the data set the source names. */
    public static Loaded open(Path path, PrintStream warnings) throws LoadException {
        if (Files.isDirectory(path)) return new Loaded(loadClass(findClass(path)), null);
        if (path.getFileName() != null && path.getFileName().toString().endsWith(".class")) {
            return new Loaded(loadClass(path), null);
        }
        return loadSource(path, warnings);
    }

    private static Loaded loadSource(Path path, PrintStream warnings) throws LoadException {
        SourceLoad read = SourceReader.read(path);
        if (!read.ok()) throw failure(read.file(), List.of(read.failure().get()));
        CompileResult result = Compiler.compile(read.file());
        if (!result.ok()) throw failure(read.file(), result.diagnostics());
        if (!result.diagnostics().isEmpty()) warnings.print(render(read.file(), result.diagnostics()));
        return new Loaded(result.compilation().instantiate(), result.compilation().data());
    }

    private static LoadException failure(SourceFile file, List<Diagnostic> diagnostics) {
        return new LoadException(render(file, diagnostics).stripTrailing());
    }

    private static String render(SourceFile file, List<Diagnostic> diagnostics) {
        return new DiagnosticRenderer(false).render(file, diagnostics);
    }

    /** The one class file below {@code dir}, as {@code mtc compile -o dir} leaves it. */
    private static Path findClass(Path dir) throws LoadException {
        List<Path> classes;
        try (Stream<Path> files = Files.find(dir, MAX_DEPTH, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().endsWith(".class"))) {
            classes = files.sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LoadException("mtc: " + dir + ": cannot read the folder: " + e.getMessage());
        }
        if (classes.isEmpty()) {
            throw new LoadException("mtc: " + dir + ": no compiled model here (write one with: mtc compile FILE.mt -o "
                    + dir + ")");
        }
        if (classes.size() > 1) {
            throw new LoadException("mtc: " + dir + ": holds " + classes.size() + " compiled models; name one of: "
                    + String.join(", ", classes.stream().map(Path::toString).toList()));
        }
        return classes.get(0);
    }

    private static Network loadClass(Path file) throws LoadException {
        byte[] bytes = readClassFile(file);
        try {
            String name = NetworkClasses.className(bytes);
            return NetworkClasses.instantiate(new GeneratedClass(name, bytes));
        } catch (IllegalArgumentException | LinkageError | SecurityException e) {
            throw new LoadException("mtc: " + file + ": not a model compiled by this version of mtc ("
                    + e.getMessage() + ")");
        }
    }

    private static byte[] readClassFile(Path file) throws LoadException {
        try {
            if (Files.size(file) > MAX_CLASS_BYTES) throw new LoadException("mtc: " + file + ": too large for a model");
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LoadException("mtc: " + file + ": cannot read the file (" + e.getMessage() + ")");
        }
    }
}
