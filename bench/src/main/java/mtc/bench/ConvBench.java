package mtc.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import mtc.kernels.Conv2d;
import mtc.runtime.Threads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The convolutions of LeNet-5, bnnet and the residual network ({@code ../shared/reference/torch_cnn.py})
 * at batch 64, one kernel ({@code pass}: {@code forward}, {@code gradInput}, {@code gradWeight}) or the
 * three of a training step ({@code step}); the {@code gflop} column is GFLOP/s, counting
 * {@code 2·n·cout·oh·ow·cin·kh·kw} per kernel (padding terms included, as a dense im2col product
 * would do them). Another layer: {@code -p layer=name:cin/h/w/cout/k/pad[/stride]} (JMH splits
 * parameter values at commas).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class ConvBench {
    /** {@code name:cin/h/w/cout/k/pad[/stride]}; square kernels, symmetric padding, dilation 1, stride 1 unless given. */
    @Param({"lenet1:1/28/28/6/5/2", "lenet2:6/14/14/16/5/0", "bnnet1:1/28/28/32/3/1", "bnnet2:32/14/14/64/3/1",
            "resnet16:16/28/28/16/3/1", "resnetDown:16/28/28/32/3/1/2", "resnetShortcut:16/28/28/32/1/0/2"})
    public String layer;

    @Param({"forward", "gradInput", "gradWeight", "step"})
    public String pass;

    @Param({"1", "2"})
    public int threads;

    @Param({"64"})
    public int batch;

    private int cin, h, w, cout, k, pad, stride, out;
    private float[] x, weight, y, dy, dx, dweight;

    @Setup
    public void setUp() {
        String[] v = layer.substring(layer.indexOf(':') + 1).split("/");
        cin = Integer.parseInt(v[0]);
        h = Integer.parseInt(v[1]);
        w = Integer.parseInt(v[2]);
        cout = Integer.parseInt(v[3]);
        k = Integer.parseInt(v[4]);
        pad = Integer.parseInt(v[5]);
        stride = v.length > 6 ? Integer.parseInt(v[6]) : 1;
        out = (h + 2 * pad - k) / stride + 1;
        Random random = new Random(1);
        x = fill(batch * cin * h * w, random);
        weight = fill(cout * cin * k * k, random);
        dy = fill(batch * cout * out * out, random);
        y = new float[dy.length];
        dx = new float[x.length];
        dweight = new float[weight.length];
        Threads.bind(threads);
        for (int i = 0; i < 300; i++) run(); // JIT-compiles the kernels before the warm-up iterations
    }

    private static float[] fill(int size, Random random) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = random.nextFloat() - 0.5f;
        return a;
    }

    private double gigaflopPerKernel() {
        return 2.0 * batch * cout * out * out * cin * k * k / 1e9;
    }

    @Benchmark
    public float[] conv(Gigaflops counter) {
        run();
        counter.gflop += (pass.equals("step") ? 3 : 1) * gigaflopPerKernel();
        return y;
    }

    private void run() {
        if (pass.equals("forward") || pass.equals("step")) {
            Conv2d.forward(x, weight, y, batch, cin, h, w, cout, k, k, stride, stride, pad, pad, 1, 1, out, out);
        }
        if (pass.equals("gradInput") || pass.equals("step")) {
            Conv2d.gradInput(dy, weight, dx, batch, cin, h, w, cout, k, k, stride, stride, pad, pad, 1, 1, out, out);
        }
        if (pass.equals("gradWeight") || pass.equals("step")) {
            Conv2d.gradWeight(dy, x, dweight, batch, cin, h, w, cout, k, k, stride, stride, pad, pad, 1, 1, out, out);
        }
    }
}
