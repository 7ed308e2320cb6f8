package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mtc.data.ClassNames;
import mtc.data.DataException;
import mtc.data.ImageInput;
import mtc.data.InputStyle;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.runtime.Network;
import mtc.runtime.StepStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtc predict}: the most likely classes of pictures, by name when the weights keep the
 * class names. Each picture is converted to the model's input as its training data was made
 * (MNIST's way, or an image folder's); a picture that cannot be read is reported and the
 * others are still classified.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Most likely classes, with probabilities, of each IMAGE (PNG, any size).")
final class PredictCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a .mt file or the output of mtc compile")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "pictures to classify")
    List<Path> images;

    @Option(names = "--weights", paramLabel = "W", required = true, description = "trained weights (safetensors)")
    Path weights;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "how many classes to show per image (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() {
        if (top < 1) throw new ParameterException(spec.commandLine(), "--top must be at least 1");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataCommands.guard(err, () -> {
            Network net = ModelLoader.load(model);
            SafetensorsReader.load(weights, net);
            ImageInput.Target target = ImageInput.target(net.spec().inputShape());
            Map<String, String> metadata = SafetensorsReader.metadata(weights);
            Trained trained = new Trained(target, InputStyle.fromMetadata(metadata),
                    ClassNames.fromMetadata(metadata).orElse(new ClassNames(List.of())));
            boolean allRead = true;
            for (Path image : images) allRead &= predict(net, trained, image, out, err);
            out.flush();
            return allRead ? Main.OK : Main.INPUT_ERROR;
        });
    }

    /** What the weights say about pictures: how to convert them, and the class names. */
    private record Trained(ImageInput.Target target, InputStyle style, ClassNames names) {}

    private boolean predict(Network net, Trained trained, Path image, PrintWriter out, PrintWriter err) {
        try {
            float[] x = ImageInput.read(image, trained.target(), trained.style());
            float[] probs = new float[net.spec().classes()];
            net.evaluate(x, null, 1, probs, new StepStats());
            out.println(image + ": " + PredictRanking.describe(probs, top, trained.names()));
            return true;
        } catch (DataException e) {
            out.flush();
            err.println("mtc: " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
