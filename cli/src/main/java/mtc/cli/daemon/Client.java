package mtc.cli.daemon;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mtc.cli.Session;

/**
 * The launcher's side of the {@link Daemon}: sends it a command with what the command needs to know
 * of this terminal, writes what it prints to this process's stdout and stderr, passes Ctrl-C on,
 * and exits with the command's status. A small JVM of its own (no JIT beyond C1, no Vector API).
 *
 * <p>Usage: {@code Client [--wait PID] SOCKET LAUNCHER_PID COLUMNS ARGS...} runs {@code mtc ARGS}
 * (waiting for the daemon with process id PID to come up when {@code --wait} is given). Exit status
 * {@link #NO_DAEMON} or {@link #DECLINED} tells the launcher to run the command itself.
 */
public final class Client {
    /** No daemon answers at the socket (EX_TEMPFAIL): the launcher starts one, or runs the command itself. */
    public static final int NO_DAEMON = 75;
    /** The daemon runs another command or serves another folder: the launcher runs the command itself. */
    public static final int DECLINED = 76;
    /** A daemon starting up takes a second or two; one that takes this long is given up on. */
    private static final long START_WAIT_NANOS = 60_000_000_000L;
    /** After Ctrl-C the command saves a checkpoint; past this (the in-process guard's limit) the client exits anyway. */
    private static final long INTERRUPT_WAIT_SECONDS = 65;
    private static final int INTERRUPTED_STATUS = 130;

    private Client() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> a = Arrays.asList(args);
        long waitFor = a.size() > 1 && a.get(0).equals("--wait") ? Long.parseLong(a.get(1)) : -1;
        List<String> rest = waitFor < 0 ? a : a.subList(2, a.size());
        Path socket = Path.of(rest.get(0));
        long since = Session.nanosSinceStart(rest.get(1));
        int columns = Integer.parseInt(rest.get(2));
        SocketChannel channel = waitFor < 0 ? connect(socket) : connectWhileAlive(socket, waitFor);
        if (channel == null) System.exit(NO_DAEMON);
        Request request = new Request(Path.of("").toAbsolutePath().toString(), since,
                System.console() != null, columns, rest.subList(3, rest.size()));
        Runtime.getRuntime().halt(run(new Connection(channel), request));
    }

    /**
     * Sends {@code request}, relays the output until the exit status comes, and returns it. Ctrl-C
     * (a shutdown of this JVM) is passed on, and this JVM is held until the command has stopped.
     */
    private static int run(Connection connection, Request request) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> passOnInterrupt(connection, status), "mtc-client-interrupt"));
        status.complete(relay(connection, request));
        return status.join();
    }

    /** The exit status after the output, or 1 when the connection ends without one (said on stderr). */
    private static int relay(Connection connection, Request request) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        try {
            connection.send(Connection.REQUEST, request.encode());
            for (Connection.Message m; (m = connection.receive()) != null; ) {
                switch (m.type()) {
                    case Connection.OUT -> write(out, m.payload());
                    case Connection.ERR -> write(err, m.payload());
                    case Connection.EXIT -> {
                        return m.asInt();
                    }
                    case Connection.DECLINED -> {
                        return DECLINED;
                    }
                    default -> { } // a later version's message: nothing to show
                }
            }
            write(err, "mtc: the training daemon stopped before the command ended\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            write(err, ("mtc: lost the training daemon: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return 1;
    }

    /**
     * Ctrl-C or SIGTERM here: the daemon's command stops as it would on its own, and its status
     * ends this JVM (halted here, else the JVM would exit with the signal's status).
     */
    private static void passOnInterrupt(Connection connection, CompletableFuture<Integer> status) {
        int exit = INTERRUPTED_STATUS;
        try {
            if (!status.isDone()) connection.send(Connection.INTERRUPT, new byte[0]);
            exit = status.get(INTERRUPT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            // the daemon is gone or does not answer: stopped by the signal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(exit);
    }

    private static void write(OutputStream stream, byte[] bytes) {
        try {
            stream.write(bytes);
            stream.flush();
        } catch (IOException e) {
            // a closed pipe (| head): the command runs on, as it would in its own JVM
        }
    }

    private static SocketChannel connect(Path socket) {
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null;
        }
    }

    /** Connects once the daemon with process id {@code pid} listens; null if it dies or takes too long. */
    private static SocketChannel connectWhileAlive(Path socket, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + START_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            SocketChannel channel = connect(socket);
            if (channel != null) return channel;
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return null;
            Thread.sleep(10);
        }
        return null;
    }
}
