package mtc.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The data sets that {@code --data} and a model's {@code data} statement can name, with the names
 * of their classes. The compiler checks a {@code data} statement against {@link #names()}.
 */
public enum NamedDataSet {
    MNIST("mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION_MNIST("fashion-mnist", List.of("t-shirt/top", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
            "sneaker", "bag", "ankle boot"));

    private final String text;
    private final List<String> classNames;

    NamedDataSet(String text, List<String> classNames) {
        this.text = text;
        this.classNames = classNames;
    }

    /** The name as the user writes it, e.g. {@code fashion-mnist}. */
    public String text() { return text; }

    /** The names of its classes, in label order. */
    public List<String> classNames() { return classNames; }

    public static Optional<NamedDataSet> byName(String name) {
        return Arrays.stream(values()).filter(d -> d.text.equals(name)).findFirst();
    }

    /** Every name, for messages and suggestions. */
    public static List<String> names() {
        return Arrays.stream(values()).map(NamedDataSet::text).toList();
    }
}
