package mtc.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Byte-level mutations of the example models: flipped and inserted bytes (NUL, invalid UTF-8),
 * deleted and duplicated slices, and blow-ups (deep nesting, long repetition) that a careless
 * recursive-descent parser or shape checker would choke on.
 */
final class ByteMutations {
    private ByteMutations() {}

    static Arbitrary<byte[]> ofExamples() {
        List<byte[]> seeds = examples();
        return Combinators.combine(Arbitraries.of(seeds), mutation().list().ofMinSize(1).ofMaxSize(4))
                .as((seed, ms) -> {
                    byte[] b = seed.clone();
                    for (Mutation m : ms) b = m.apply(b);
                    return b;
                });
    }

    private interface Mutation {
        byte[] apply(byte[] b);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> insert = Arbitraries.of(
                new byte[] {0}, new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc3},
                "(".repeat(5000).getBytes(), "->".repeat(3000).getBytes(), "relu -> ".repeat(4000).getBytes(),
                "9".repeat(400).getBytes(), "\r".getBytes(), "\t".getBytes(), "\n".getBytes(), "#".getBytes());
        return Arbitraries.oneOf(
                Combinators.combine(where, any).as((w, v) -> b -> flip(b, w, v)),
                Combinators.combine(where, insert).as((w, ins) -> b -> insert(b, w, ins)),
                Combinators.combine(where, where).as((w1, w2) -> b -> delete(b, w1, w2)),
                Arbitraries.integers().between(2, 2000).map(times -> b -> repeat(b, times)));
    }

    private static byte[] flip(byte[] b, double where, byte value) {
        if (b.length == 0) return new byte[] {value};
        b[(int) (where * (b.length - 1))] = value;
        return b;
    }

    private static byte[] insert(byte[] b, double where, byte[] ins) {
        int at = (int) (where * b.length);
        byte[] out = Arrays.copyOf(b, b.length + ins.length);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
    }

    private static byte[] delete(byte[] b, double w1, double w2) {
        int from = (int) (Math.min(w1, w2) * b.length);
        int to = (int) (Math.max(w1, w2) * b.length);
        byte[] out = Arrays.copyOf(b, b.length - (to - from));
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    private static byte[] repeat(byte[] b, int times) {
        byte[] out = new byte[(int) Math.min((long) b.length * times, 300_000)];
        for (int i = 0; i < out.length; i++) out[i] = b[i % Math.max(1, b.length)];
        return out;
    }

    private static List<byte[]> examples() {
        Path dir = Path.of(System.getProperty("user.dir")).resolveSibling("examples");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".mt")).sorted().map(ByteMutations::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
