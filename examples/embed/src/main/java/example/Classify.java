package example;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import mtc.api.Model;
import mtc.api.MtcException;

/**
 * Classifies the pictures named on the command line with a model trained by mtc:
 * {@code java --add-modules jdk.incubator.vector -jar classify.jar MODEL.mt WEIGHTS.safetensors IMAGE...}.
 * The pictures are classified in parallel: one {@link Model} serves any number of threads.
 */
public final class Classify {
    private Classify() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: classify MODEL.mt WEIGHTS.safetensors IMAGE...");
            System.exit(2);
        }
        try {
            Model model = Model.load(Path.of(args[0]), Path.of(args[1]));
            String[] lines = Arrays.stream(args, 2, args.length).parallel()
                    .map(image -> describe(model, image))
                    .toArray(String[]::new);
            for (String line : lines) System.out.println(line);
        } catch (MtcException e) {
            System.err.println(e.getMessage()); // the same message the mtc command prints
            System.exit(1);
        }
    }

    /** {@code IMAGE: CLASS (PROBABILITY%)}, e.g. {@code shoe.png: sneaker (97.2%)}. */
    private static String describe(Model model, String image) {
        float[] sample = model.readImage(Path.of(image));
        float[] probabilities = model.predict(sample);
        int best = model.classify(sample);
        return String.format(Locale.ROOT, "%s: %s (%.1f%%)", image, model.className(best), 100 * probabilities[best]);
    }
}
