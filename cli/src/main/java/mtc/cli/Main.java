package mtc.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import mtc.check.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mtc} command: dispatches to one subcommand per file in this package. */
@Command(name = "mtc", mixinStandardHelpOptions = true, version = "mtc 0.1.0",
        description = "Compile and train neural-network models written in .mt files.")
public final class Main implements Runnable {
    /** The subcommands in the order {@code mtc --help} lists them. */
    private static final Map<String, Function<Session, Object>> COMMANDS = commands();
    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: the input was wrong; diagnostics were printed. */
    public static final int INPUT_ERROR = 1;
    /** Exit status: the command line was wrong. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Throwable e) { // an Error escapes picocli's handlers; users still get one line, not a trace
            System.err.println(escaped(e));
            status = INPUT_ERROR;
        }
        System.exit(status);
    }

    /** The one line a user gets for what escaped a command (an out-of-memory error, a bug): never a trace. */
    public static String escaped(Throwable e) {
        return e instanceof OutOfMemoryError ? "mtc: out of memory; the model or batch is too large for this JVM's heap"
                : "mtc: internal error: " + e;
    }

    /** Runs mtc in this JVM and returns its exit status (tests call this). */
    public static int run(String... args) {
        return run(Session.ofThisProcess(), args);
    }

    /** Runs the command {@code args} of {@code session} in this JVM and returns its exit status. */
    public static int run(Session session, String... args) {
        Integer quick = QuickCommands.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (quick != null) return quick;
        CommandLine cli = new CommandLine(new Main());
        addSubcommands(cli, session, args);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("mtc: " + e.getMessage() + suggestion(e));
            cmd.getErr().println(cmd.getHelp().synopsis(0).stripTrailing());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("mtc: internal error: " + e);
            return INPUT_ERROR;
        });
        return cli.execute(args);
    }

    /** {@code ; did you mean --epochs?} for a misspelt option or command, else nothing. */
    private static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) return "";
        List<String> close = unmatched.getSuggestions();
        if (close.isEmpty()) close = closest(unmatched);
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.subList(0, Math.min(3,
                close.size()))) + "?";
    }

    /** Picocli suggests only names that share a prefix: this finds {@code --save} for {@code --sve} too. */
    private static List<String> closest(CommandLine.UnmatchedArgumentException e) {
        if (e.getUnmatched().isEmpty()) return List.of();
        String word = e.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        Set<String> names = word.startsWith("-") ? spec.optionsMap().keySet() : spec.subcommands().keySet();
        return Suggestions.closest(word, names).stream().toList();
    }

    private static Map<String, Function<Session, Object>> commands() {
        Map<String, Function<Session, Object>> commands = new LinkedHashMap<>();
        commands.put("check", session -> new CheckCommand());
        commands.put("compile", session -> new CompileCommand());
        commands.put("summary", session -> new SummaryCommand());
        commands.put("train", TrainCommand::new);
        commands.put("eval", session -> new EvalCommand());
        commands.put("predict", session -> new PredictCommand());
        commands.put("plot", session -> new PlotCommand());
        commands.put("help", session -> new CommandLine.HelpCommand());
        return commands;
    }

    /**
     * Registers only the subcommand that {@code args} names, or all of them when it names none
     * (for {@code mtc --help} and usage errors). Picocli builds its model of a command by
     * reflection; doing it for every command cost {@code mtc check} some 80 ms of CPU at start-up.
     */
    private static void addSubcommands(CommandLine cli, Session session, String[] args) {
        Function<Session, Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null && !args[0].equals("help")) {
            cli.addSubcommand(args[0], named.apply(session));
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.apply(session)));
        }
    }
}
