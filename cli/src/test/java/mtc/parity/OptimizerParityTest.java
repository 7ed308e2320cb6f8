package mtc.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.optim.ScheduleSpec;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.OptimizerState;
import mtc.runtime.Rng;
import mtc.runtime.StateLayout;
import mtc.runtime.StepStats;
import mtc.runtime.TensorSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optimizer and schedule parity: from PyTorch's initial weights, three steps on the three fixture
 * batches with each optimizer give PyTorch's weights and optimizer state (momentum buffers, Adam's
 * moments) to float32 rounding; with a schedule stepped after each step (each epoch one batch of a
 * three-epoch run), the learning rate of each step is PyTorch's too. Fixtures:
 * {@code tools/torch/make_optimizer_fixtures.py}, which names the exact {@code torch.optim} objects.
 */
class OptimizerParityTest {
    /**
     * A fraction of each tensor's largest magnitude. PyTorch's own float32 run lies up to 1.6e-5 of
     * that from its float64 run here (the script prints it per case: momentum buffers and moments
     * hold raw gradients, sums with cancellation), so 5e-5 is three times the noise. A wrong rule
     * is far off: leaving out the weight decay of {@code sgd-momentum} moves a tensor by 2.8e-4 (tried).
     */
    private static final double TOLERANCE = 5e-5;
    private static final int STEPS = Batches.COUNT;
    /** The norm after the relu, as in the fixtures (see the script on why). */
    private static final String MODEL = "linear(784, 32) -> relu -> batchnorm -> linear(32, 10)\n";

    /** A fixture case: its folder and the statements that give mtc the same optimizer and schedule. */
    private record Case(String name, String statements) {}

    private static final List<Case> CASES = List.of(
            new Case("sgd-momentum", "optimizer sgd(lr = 0.1, momentum = 0.9, weight_decay = 5e-4)"),
            new Case("sgd-nesterov", "optimizer sgd(lr = 0.05, momentum = 0.9, nesterov = true)"),
            new Case("adam", "optimizer adam(lr = 1e-3, weight_decay = 1e-4)"),
            new Case("adamw", "optimizer adamw(lr = 2e-3, beta1 = 0.8, beta2 = 0.99, eps = 1e-6, weight_decay = 0.05)"),
            new Case("step", "optimizer sgd(lr = 0.1, momentum = 0.9)\nschedule step(every = 1, gamma = 0.5)"),
            new Case("cosine", "optimizer adam(lr = 1e-3)\nschedule cosine(min_lr = 1e-4)"),
            new Case("warmup-cosine", "optimizer sgd(lr = 0.1, momentum = 0.9)\nschedule cosine(warmup = 1)"),
            new Case("warmup-step", "optimizer adamw(lr = 1e-3)\nschedule step(every = 1, gamma = 0.5, warmup = 2)"));

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return CASES.stream().map(c -> dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        Path source = temp.resolve(c.name().replace('-', '_') + ".mt");
        Files.writeString(source, MODEL + c.statements() + "\n");
        Network net = ModelLoader.load(source, new PrintStream(OutputStream.nullOutputStream()));
        SafetensorsReader.load(TorchParityTest.fixture("optim/init.safetensors"), net);
        net.useOptimizer(net.spec().optimizer());
        ScheduleSpec schedule = net.spec().schedule() == null ? ScheduleSpec.CONSTANT : net.spec().schedule();
        double[] lrs = schedule.lrs(net.spec().optimizer().lr(), STEPS);
        FixtureTensors expected = FixtureTensors.load(fixture(c, "expected"), List.of(
                new TensorSpec("losses", DType.F32, List.of(STEPS)), new TensorSpec("lrs", DType.F32, List.of(STEPS))));
        float[] losses = train(net, lrs);
        List<String> failures = new ArrayList<>();
        compare(failures, "lrs", floats(lrs), expected.floats("lrs"));
        compare(failures, "losses", losses, expected.floats("losses"));
        FixtureTensors after = FixtureTensors.load(fixture(c, "after"), net.spec().tensors());
        for (int i = 0; i < net.spec().tensors().size(); i++) {
            TensorSpec t = net.spec().tensors().get(i);
            if (t.dtype() == DType.F32) compare(failures, t.name(), net.floats(i), after.floats(i)); // both stored as mtc stores it
        }
        OptimizerState state = net.optimizerState();
        List<TensorSpec> stateSpecs = state.tensors().stream()
                .map(s -> new TensorSpec(s.name(), DType.F32, s.param().shape())).toList();
        FixtureTensors torchState = FixtureTensors.load(fixture(c, "state"), stateSpecs);
        for (int i = 0; i < stateSpecs.size(); i++) {
            OptimizerState.Tensor s = state.tensors().get(i);
            compare(failures, s.name(), StateLayout.toStateDict(s.spec(), s.stored()), torchState.floats(i));
        }
        assertEquals(STEPS, state.step().steps());
        assertTrue(failures.isEmpty(), c.name() + " differs from PyTorch:\n" + String.join("\n", failures));
    }

    private static float[] train(Network net, double[] lrs) throws Exception {
        Batches batches = Batches.load();
        Rng rng = new Rng(0);
        float[] losses = new float[STEPS];
        for (int s = 0; s < STEPS; s++) {
            StepStats stats = new StepStats();
            net.trainStep(batches.x(s), batches.labels(s), Batches.SIZE, (float) lrs[s], rng, stats);
            losses[s] = (float) stats.meanLoss();
        }
        return losses;
    }

    private static void compare(List<String> failures, String name, float[] actual, float[] expected) {
        Closeness d = Closeness.of(name, actual, expected);
        if (!(d.relative() <= TOLERANCE)) failures.add(d.describe());
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (float) values[i];
        return out;
    }

    private static Path fixture(Case c, String file) throws Exception {
        return TorchParityTest.fixture("optim/" + c.name() + "/" + file + ".safetensors");
    }
}
