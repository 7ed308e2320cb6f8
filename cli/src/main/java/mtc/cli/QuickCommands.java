package mtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain forms of the front-end commands, run without picocli: {@code mtc check FILE...} and
 * {@code mtc compile FILE [-o DIR]}. Picocli builds its model of a command by reflection and loads
 * some 170 classes that class-data sharing cannot archive, about a third of a {@code check}'s
 * 0.3 s (measured); editors run these commands on every save. Anything else (another option,
 * {@code --help}, a usage error) returns null and goes to picocli as before, so every message and
 * exit status stays picocli's.
 */
final class QuickCommands {
    private QuickCommands() {}

    /** The exit status of the command in {@code args} when it is a plain form, else null. */
    static Integer run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length < 2) return null;
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "check" -> check(rest, err);
            case "compile" -> compile(rest, out, err);
            default -> null;
        };
    }

    private static Integer check(List<String> args, PrintWriter err) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (!plain(arg)) return null;
            files.add(Path.of(arg));
        }
        return CheckCommand.check(files, DiagnosticsOptions.automatic(), err);
    }

    private static Integer compile(List<String> args, PrintWriter out, PrintWriter err) {
        String file = null, output = CompileCommand.DEFAULT_OUTPUT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.size() && plain(args.get(i + 1))) {
                output = args.get(++i);
            } else if (plain(arg) && file == null) {
                file = arg;
            } else {
                return null;
            }
        }
        return file == null ? null : CompileCommand.compile(Path.of(file), Path.of(output), false, out, err);
    }

    /** A file name as picocli would take it: not an option, and a valid path. */
    private static boolean plain(String arg) {
        if (arg.isEmpty() || arg.startsWith("-")) return false;
        try {
            Path.of(arg);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
