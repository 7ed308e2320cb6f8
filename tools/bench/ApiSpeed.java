import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mtc.api.Model;
import mtc.data.Dataset;
import mtc.data.DatasetReader;
import mtc.driver.ModelLoader;
import mtc.io.SafetensorsReader;
import mtc.runtime.Network;
import mtc.train.Evaluator;

/**
 * Inference time per sample over the 10,000 MNIST test images: what mtc eval runs (Evaluator,
 * chunks of 1000) against the Java API (a batch, one sample per call, and one sample per call
 * from two threads). The jobs take turns, 15 rounds, medians of the last 12:
 *   java --add-modules jdk.incubator.vector -cp cli/target/mtc.jar tools/bench/ApiSpeed.java \
 *     examples/mnist.mt W.safetensors ../shared/data/mnist
 */
public class ApiSpeed {
    interface Job { void run() throws Exception; }

    public static void main(String[] args) throws Exception {
        Path mt = Path.of(args[0]), weights = Path.of(args[1]);
        Dataset test = DatasetReader.test(Path.of(args[2]));
        Network net = ModelLoader.load(mt);
        SafetensorsReader.load(weights, net);
        Model model = Model.load(mt, weights);
        int n = test.count(), size = test.sampleSize();
        float[][] samples = new float[n][size];
        float[] flat = new float[n * size];
        test.copyRange(0, n, flat, new int[n]);
        for (int s = 0; s < n; s++) System.arraycopy(flat, s * size, samples[s], 0, size);
        ExecutorService two = Executors.newFixedThreadPool(2);
        String[] names = {"mtc eval (Evaluator, chunks of 1000)", "api predict(float[][]) of 10000",
                "api predict(float[]) one by one", "api predict(float[]) from 2 threads"};
        Job[] jobs = {() -> Evaluator.evaluate(net, test), () -> model.predict(samples),
                () -> { for (float[] x : samples) model.predict(x); },
                () -> {
                    Future<?> a = two.submit(() -> { for (int s = 0; s < n; s += 2) model.predict(samples[s]); });
                    Future<?> b = two.submit(() -> { for (int s = 1; s < n; s += 2) model.predict(samples[s]); });
                    a.get();
                    b.get();
                }};
        int rounds = 15, warm = 3;
        double[][] us = new double[jobs.length][rounds - warm];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < jobs.length; j++) {
                long t = System.nanoTime();
                jobs[j].run();
                if (r >= warm) us[j][r - warm] = (System.nanoTime() - t) / 1e3 / n;
            }
        }
        for (int j = 0; j < jobs.length; j++) {
            Arrays.sort(us[j]);
            System.out.printf(Locale.ROOT, "%-40s %7.2f us/sample (median of %d rounds; best %.2f)%n", names[j],
                    us[j][us[j].length / 2], us[j].length, us[j][0]);
        }
        two.shutdown();
    }
}
