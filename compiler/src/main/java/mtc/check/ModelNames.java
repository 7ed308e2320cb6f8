package mtc.check;

/**
 * The model's name: given by {@code model X}, else made from the file name. Any name is fine here,
 * Java keywords included: code generation makes it a valid class name.
 */
final class ModelNames {
    private ModelNames() {}

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
