package mtc.check;

import java.util.Set;

/** The model's Java class name: given by {@code model X}, else made from the file name. */
final class ModelNames {
    /** Java keywords and the restricted names that cannot name a class. */
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "_");

    private ModelNames() {}

    static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    /** {@code mnist.mt} gives {@code Mnist}, {@code my-net_2.mt} gives {@code MyNet2}. */
    static String fromFileName(String path) {
        String file = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        StringBuilder name = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (!Character.isLetterOrDigit(c) || !Character.isJavaIdentifierPart(c)) {
                wordStart = true;
                continue;
            }
            name.append(wordStart ? Character.toUpperCase(c) : c);
            wordStart = false;
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) name.insert(0, "Model");
        return name.toString();
    }
}
