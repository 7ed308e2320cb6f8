package mtc.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names of a model's classes, in label order, as they travel in the weights' safetensors
 * metadata (key {@code mtc.classes}, one name per line), so that {@code predict} and {@code eval}
 * can say {@code sneaker} instead of {@code 7}.
 */
public record ClassNames(List<String> names) {
    public static final String METADATA_KEY = "mtc.classes";

    public ClassNames {
        names = List.copyOf(names);
    }

    /** The name of class {@code index}, or the index itself when there is no name for it. */
    public String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : Integer.toString(index);
    }

    public Map<String, String> toMetadata() {
        return Map.of(METADATA_KEY, String.join("\n", names));
    }

    /** The names kept in {@code metadata}, if it has any. */
    public static Optional<ClassNames> fromMetadata(Map<String, String> metadata) {
        String text = metadata.get(METADATA_KEY);
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(new ClassNames(List.of(text.split("\n",
                -1))));
    }
}
