package mtc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code mtc} hides the JDK's "Using incubator modules" warning from train,
 * eval and predict (their --help included) and passes on everything else. Run here with a stand-in
 * {@code java} (the JDK it is told to use) that prints what the JDK and mtc would, in a copy of the
 * launcher beside a ready jar, so that the test never builds anything.
 */
class LauncherTest {
    private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir Path dir;

    @Test
    void theIncubatorWarningNeverReachesTheUserOfTrainEvalOrPredict() throws Exception {
        Path launcher = Files.copy(Path.of("../mtc"), dir.resolve("mtc"));
        Files.createDirectories(dir.resolve("cli/target"));
        Files.writeString(dir.resolve("cli/target/mtc.jar"), "");
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        executable(Files.writeString(bin.resolve("java"), "#!/bin/sh\necho '" + WARNING + "' >&2\n"
                + "echo 'the output'\nprintf 'mtc: a message\\nand a bar without newline\\r' >&2\nexit 3\n"));
        for (String command : new String[] {"train", "eval", "predict"}) {
            ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), command, "--help")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("MTC_JAVA_HOME", dir.resolve("jdk").toString()); // the launcher's choice of JDK
            pb.environment().put("MTC_DAEMON", "off"); // java's own output, as without the daemon (DaemonTest's)
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            assertEquals(3, p.exitValue(), "java's exit status: " + err);
            assertEquals("the output\n", out);
            assertFalse(err.contains("WARNING"), err);
            assertEquals("mtc: a message\nand a bar without newline\r", err.substring(err.indexOf("mtc: a message")));
        }
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
