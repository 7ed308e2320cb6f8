package mtc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mtc} command: dispatches to one subcommand per file in this package. */
@Command(name = "mtc", mixinStandardHelpOptions = true, version = "mtc 0.1.0",
        description = "Compile and train neural-network models written in .mt files.",
        subcommands = {CheckCommand.class, CompileCommand.class, SummaryCommand.class,
                TrainCommand.class, EvalCommand.class, PredictCommand.class})
public final class Main implements Runnable {
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
        System.exit(run(args));
    }

    /** Runs mtc in this JVM and returns its exit status (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("mtc: " + e.getMessage());
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
}
