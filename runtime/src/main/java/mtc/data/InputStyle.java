package mtc.data;

import java.util.Map;

/**
 * How {@code mtc predict} (and the Java API) turns a picture into a model input: the way the model's
 * training data was made. Kept in the weights' metadata (key {@code mtc.input}); weights without it
 * are taken to come from MNIST-format data.
 */
public enum InputStyle {
    /** As MNIST's digits were made: {@link DigitNormalizer} (light background inverted, centred, 20/28 box). */
    DIGITS,
    /** As an image folder's pictures were read: resized to the input, nothing else ({@link ImageBytes}). */
    PICTURES;

    public static final String METADATA_KEY = "mtc.input";

    /** The style kept in {@code metadata}; {@link #DIGITS} when it names none. */
    public static InputStyle fromMetadata(Map<String, String> metadata) {
        return "pictures".equals(metadata.get(METADATA_KEY)) ? PICTURES : DIGITS;
    }

    /** The metadata entry for this style. */
    public Map<String, String> toMetadata() {
        return Map.of(METADATA_KEY, name().toLowerCase(java.util.Locale.ROOT));
    }
}
