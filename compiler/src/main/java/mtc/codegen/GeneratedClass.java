package mtc.codegen;

/**
 * The class file generated for one model.
 *
 * @param name binary class name, e.g. {@code mtc.gen.MnistMlp}
 */
public record GeneratedClass(String name, byte[] bytes) {
    /** Where the class file goes below an output folder: {@code mtc/gen/MnistMlp.class}. */
    public String relativePath() {
        return name.replace('.', '/') + ".class";
    }
}
