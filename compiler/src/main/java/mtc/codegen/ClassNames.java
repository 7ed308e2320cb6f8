package mtc.codegen;

import java.util.Set;

/**
 * Turns a model name into the name of its generated class, {@code mtc.gen.<Name>}. The model name
 * may come from a file name, so anything that is not a Java identifier is made into one: tools
 * such as {@code javap} then work on the class too.
 */
public final class ClassNames {
    public static final String PACKAGE = "mtc.gen";

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "_");

    private ClassNames() {}

    /** The binary name ({@code mtc.gen.MnistMlp}) of the class generated for {@code modelName}. */
    public static String forModel(String modelName) {
        return PACKAGE + "." + identifier(modelName);
    }

    static String identifier(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.appendCodePoint(isPlainIdentifierPart(c) ? c : '_'));
        boolean badStart = out.length() == 0 || !Character.isJavaIdentifierStart(out.codePointAt(0));
        if (badStart || KEYWORDS.contains(out.toString())) out.insert(0, '_');
        return out.toString();
    }

    /** Identifier characters, without {@code $} (reserved for nested classes) and ignorable controls. */
    private static boolean isPlainIdentifierPart(int c) {
        return Character.isJavaIdentifierPart(c) && c != '$' && !Character.isIdentifierIgnorable(c);
    }
}
