package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * Every kernel uses vectors of the preferred shape only. Two float species in one JVM share
 * {@code FloatVector}'s methods, whose type profiles then see two vector classes, and C2 stops
 * intrinsifying the Vector API in the GEMM kernels too: training ran 30x slower when batch norm
 * alone used a half-width species.
 */
class KernelSpeciesTest {
    @Test
    void everyKernelSpeciesHasThePreferredShape() throws Exception {
        List<String> fields = new ArrayList<>();
        for (Class<?> kernel : kernelClasses()) {
            for (Field f : kernel.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !VectorSpecies.class.isAssignableFrom(f.getType())) continue;
                f.setAccessible(true);
                VectorSpecies<?> species = (VectorSpecies<?>) f.get(null);
                fields.add(kernel.getSimpleName() + "." + f.getName());
                assertEquals(VectorShape.preferredShape(), species.vectorShape(), kernel.getSimpleName() + "." + f.getName());
            }
        }
        assertFalse(fields.isEmpty(), "found the kernels' species fields");
    }

    private static List<Class<?>> kernelClasses() throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(Gemm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("mtc/kernels");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = p.getFileName().toString().replace(".class", "");
                try {
                    classes.add(Class.forName("mtc.kernels." + name));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load kernel class " + name, e);
                }
            }
        }
        return classes;
    }
}
