package mtc.cli.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import mtc.cli.Main;
import mtc.cli.Session;

/**
 * The training daemon: a JVM that stays after a command, so that the next {@code mtc train} in the
 * same folder finds the kernels compiled (the JIT's first epoch costs a short run more than its
 * training does) and starts at once, as Gradle's daemon does for builds. The launcher starts one
 * per working folder, build, JDK and environment ({@code mtc}'s {@code daemon_key}) and talks to it
 * through {@link Client}; it runs one command at a time, exactly as in a JVM of its own (same
 * output, files, exit status and numbers), and exits after {@link #idleSeconds} without one, when
 * its jar is rebuilt, or on SIGTERM ({@code mtc daemon stop}), which stops a command under way as
 * Ctrl-C would (its checkpoint saved).
 * Usage: {@code Daemon SOCKET}; the idle time comes from {@code MTC_DAEMON_IDLE} (seconds).
 */
public final class Daemon {
    /** Without a command for this long (30 minutes unless MTC_DAEMON_IDLE says otherwise), the daemon exits. */
    private static final long DEFAULT_IDLE_SECONDS = 1800;

    /**
     * A daemon idles with at most this much resident memory, the limit a training run is held to
     * (docs/performance.md): the parallel collector never gives back the heap that a large model's
     * command made it take, so after such a command the daemon exits and the next one starts afresh.
     */
    private static final long MAX_IDLE_RESIDENT_BYTES = 512L << 20;

    private final Path socket;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final PrintStream log = System.err;
    private volatile long lastActiveNanos = System.nanoTime();
    /** The time stamp of the jar this JVM runs, when it started: a rebuild makes this daemon useless. */
    private final String startedFrom = jarStamp();

    private Daemon(Path socket) {
        this.socket = socket;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Daemon SOCKET");
            System.exit(2);
        }
        new Daemon(Path.of(args[0])).serve(idleSeconds(System.getenv("MTC_DAEMON_IDLE")));
    }

    static long idleSeconds(String setting) {
        try {
            return setting == null ? DEFAULT_IDLE_SECONDS : Math.max(1, Long.parseLong(setting.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_SECONDS;
        }
    }

    /** Accepts commands until idle for {@code idleSeconds}. */
    private void serve(long idleSeconds) throws IOException {
        Path pidFile = Path.of(socket + ".pid");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> removeFiles(pidFile), "mtc-daemon-cleanup"));
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        startIdleWatch(idleSeconds);
        log.println("mtc daemon: serving " + socket + " (idle exit after " + idleSeconds + " s)");
        while (true) {
            SocketChannel channel = server.accept();
            Connection connection = new Connection(channel);
            if (busy.compareAndSet(false, true)) {
                new Thread(() -> handle(connection), "mtc-daemon-request").start();
            } else {
                new Thread(() -> decline(connection, "busy with another command"), "mtc-daemon-decline").start();
            }
        }
    }

    /** Exits once no command has run for {@code idleSeconds}. */
    private void startIdleWatch(long idleSeconds) {
        Thread watch = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(Math.min(idleSeconds * 1000, 10_000));
                } catch (InterruptedException e) {
                    return;
                }
                if (busy.get()) continue;
                if (System.nanoTime() - lastActiveNanos > idleSeconds * 1_000_000_000L) {
                    log.println("mtc daemon: idle for " + idleSeconds + " s, exiting");
                    System.exit(0);
                }
                if (!Objects.equals(jarStamp(), startedFrom)) {
                    log.println("mtc daemon: its jar was rebuilt, exiting"); // new launches start a new daemon
                    System.exit(0);
                }
            }
        }, "mtc-daemon-idle");
        watch.setDaemon(true);
        watch.start();
    }

    private void handle(Connection connection) {
        boolean exitAfter = false;
        try (connection) {
            Connection.Message first = connection.receive();
            if (first == null || first.type() != Connection.REQUEST) return;
            Request request = Request.decode(first.payload());
            if (!Path.of(request.cwd()).equals(Path.of("").toAbsolutePath())) {
                connection.send(Connection.DECLINED, "started in another folder".getBytes(StandardCharsets.UTF_8));
            } else {
                exitAfter = run(connection, request);
            }
        } catch (IOException e) {
            log.println("mtc daemon: lost the client: " + e.getMessage());
        } finally {
            lastActiveNanos = System.nanoTime();
            busy.set(false);
        }
        if (exitAfter) System.exit(0);
        System.gc(); // the command's network class and buffers go now, while no one waits, not in the next command
        long resident = residentBytes();
        if (resident > MAX_IDLE_RESIDENT_BYTES) {
            log.println("mtc daemon: " + resident / (1 << 20) + " MB resident after the command, exiting");
            System.exit(0);
        }
    }

    /** This process's resident memory (VmRSS in /proc), or 0 where that cannot be read. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no limit
        }
        return 0;
    }

    /**
     * Runs the command of {@code request} with stdout and stderr sent to the client, and sends its
     * exit status; true when the daemon should exit after it (an internal error, or out of memory:
     * the next command gets a fresh JVM).
     */
    private boolean run(Connection connection, Request request) throws IOException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread listener = new Thread(() -> listen(connection, stop), "mtc-daemon-interrupts");
        listener.setDaemon(true);
        listener.start();
        Session session = new Session(request.terminal(), request.columns(),
                System.nanoTime() - request.nanosSinceStart(), stop::get);
        PrintStream out = new PrintStream(new Forward(connection, Connection.OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new Forward(connection, Connection.ERR), true, StandardCharsets.UTF_8);
        PrintStream ownOut = System.out;
        InputStream ownIn = System.in;
        int status;
        boolean exitAfter = false;
        System.setOut(out);
        System.setErr(err);
        System.setIn(InputStream.nullInputStream());
        try {
            status = Main.run(session, request.args().toArray(String[]::new));
        } catch (Throwable e) { // as Main.main: one line for the user; the daemon then starts afresh
            err.println(Main.escaped(e));
            if (!(e instanceof OutOfMemoryError)) e.printStackTrace(log);
            status = Main.INPUT_ERROR;
            exitAfter = true;
        } finally {
            out.flush();
            err.flush();
            System.setOut(ownOut);
            System.setErr(log);
            System.setIn(ownIn);
        }
        connection.send(Connection.EXIT, status);
        return exitAfter;
    }

    /** Raises {@code stop} when the client says Ctrl-C, or goes away (killed: its command stops and saves). */
    private static void listen(Connection connection, AtomicBoolean stop) {
        try {
            for (Connection.Message m; (m = connection.receive()) != null; ) {
                if (m.type() == Connection.INTERRUPT) stop.set(true);
            }
        } catch (IOException e) {
            // closed: the same as gone
        }
        stop.set(true);
    }

    /** Answers the request on {@code connection} (read first, so that the client's sending it never fails) with a no. */
    private void decline(Connection connection, String reason) {
        try (connection) {
            connection.receive();
            connection.send(Connection.DECLINED, reason.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.println("mtc daemon: could not decline a request: " + e);
        }
    }

    /** The class path's last-modified times ("" for a folder or a missing file). */
    private static String jarStamp() {
        StringBuilder stamp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            try {
                Path path = Path.of(entry);
                if (Files.isRegularFile(path)) stamp.append(Files.getLastModifiedTime(path)).append(' ');
            } catch (IOException | RuntimeException e) {
                stamp.append("? ");
            }
        }
        return stamp.toString();
    }

    /** The socket and the launcher's files beside it (pid, lock, log): a daemon that exits cleanly leaves nothing. */
    private void removeFiles(Path pidFile) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(Path.of(socket + ".lock"));
            Files.deleteIfExists(Path.of(socket + ".log"));
        } catch (IOException e) {
            // the launcher treats a socket without a daemon as stale
        }
    }

    /** Bytes written to the command's stdout or stderr, sent to the client as they come. */
    private static final class Forward extends OutputStream {
        private final Connection connection;
        private final byte type;

        Forward(Connection connection, byte type) {
            this.connection = connection;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) connection.send(type, java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }
}
