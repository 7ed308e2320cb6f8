package mtc.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import mtc.data.NamedDataSet;
import mtc.diag.Span;
import mtc.optim.ScheduleSpec;
import mtc.syntax.Name;
import mtc.syntax.Program;
import mtc.syntax.Statement;
import mtc.syntax.Value;

/**
 * The check stage: a syntax tree in, a {@link CheckedModel} with every shape known out, or the
 * reasons why not. Each problem is reported once, at its most specific position; the check goes
 * on after it with an unknown shape, so independent mistakes are all found in one run.
 */
public final class Checker {
    private static final Span FILE_START = new Span(1, 1, 1);

    private final Reporter reporter;
    private final boolean statementsMissing;
    private final String fileName;
    private final long memoryBudgetBytes;
    private Constants constants;

    private Checker(String fileName, long memoryBudgetBytes, boolean statementsMissing) {
        this.reporter = new Reporter(statementsMissing);
        this.statementsMissing = statementsMissing;
        this.fileName = fileName;
        this.memoryBudgetBytes = memoryBudgetBytes;
    }

    /**
     * Checks {@code program}, read from {@code fileName} (which names the model when the file does
     * not). A model whose parameters need more than {@code memoryBudgetBytes} is an error.
     */
    public static CheckResult check(Program program, String fileName, long memoryBudgetBytes) {
        return check(program, fileName, memoryBudgetBytes, false);
    }

    /**
     * As {@link #check(Program, String, long)}, for a program that may lack statements lost to syntax
     * errors: problems such a statement could explain are then not reported.
     */
    public static CheckResult check(Program program, String fileName, long memoryBudgetBytes,
                                    boolean statementsMissing) {
        return new Checker(fileName, memoryBudgetBytes, statementsMissing).run(program);
    }

    private CheckResult run(Program program) {
        StatementSet statements = StatementSet.collect(program, reporter);
        constants = Constants.define(statements.lets(), reporter);
        String name = modelName(statements.model());
        Optional<ChainChecker.Result> chain = chain(statements);
        checkLoss(statements.loss(), chain);
        OptimizerCheck training = new OptimizerCheck(new ArgumentBinder(constants, reporter), reporter);
        CheckedModel.Optimizer optimizer = statements.optimizer().map(training::optimizer).orElse(null);
        ScheduleSpec schedule = statements.schedule().map(training::schedule).orElse(null);
        String data = statements.data().map(this::dataSet).orElse(null);
        chain.map(ChainChecker.Result::layers).ifPresent(this::checkMemory);
        boolean complete = chain.isPresent() && chain.get().layers() != null && !reporter.hasErrors();
        if (!complete || statementsMissing) return new CheckResult(reporter.diagnostics(), null);
        ChainChecker.Result checked = chain.get();
        return new CheckResult(reporter.diagnostics(), new CheckedModel(name, checked.input(), checked.layers(),
                CheckedModel.Loss.CROSS_ENTROPY, optimizer, schedule, data));
    }

    private Optional<ChainChecker.Result> chain(StatementSet statements) {
        if (statements.chain().isEmpty()) {
            reporter.reportUnlessStatementsMissing(Problems.noChain(FILE_START));
            return Optional.empty();
        }
        Optional<Statement.Input> input = statements.input();
        Shape declared = input.map(this::inputShape).orElse(null);
        Flow in = input.isEmpty() ? Flow.NO_INPUT
                : declared == null ? Flow.UNKNOWN
                : Flow.of(declared, "the input declared at " + input.get().span() + " is");
        return Optional.of(new ChainChecker(constants, reporter, statements.blocks())
                .check(statements.chain().get(), declared, in));
    }

    private String modelName(Optional<Statement.Model> model) {
        if (model.isEmpty()) return ModelNames.fromFileName(fileName);
        return model.get().name().text();
    }

    /** The declared input shape, or null when a dimension is wrong (and has been reported). */
    private Shape inputShape(Statement.Input input) {
        List<Integer> dims = new ArrayList<>();
        for (Value value : input.dims()) {
            Optional<Num> dim = constants.resolve(value);
            if (dim.isPresent() && !dim.get().isIntegral()) {
                reporter.report(Problems.notAnInteger("an input dimension", dim.get()));
            } else if (dim.isPresent() && dim.get().intValue() < 1) {
                reporter.report(Problems.notPositive("an input dimension", dim.get()));
            } else if (dim.isPresent()) {
                dims.add(dim.get().intValue());
            }
        }
        if (dims.size() < input.dims().size()) return null;
        long size = Sizes.product(dims);
        if (size > Sizes.MAX_TENSOR) {
            reporter.report(Problems.sampleTooLarge(input.span(), "input " + new Shape(dims), size));
            return null;
        }
        return new Shape(dims);
    }

    private void checkLoss(Optional<Statement.Loss> loss, Optional<ChainChecker.Result> chain) {
        if (loss.isPresent() && !loss.get().name().text().equals("cross_entropy")) {
            reporter.report(Problems.unknownLoss(loss.get().name(), List.of("cross_entropy")));
            return;
        }
        if (chain.isEmpty() || !chain.get().out().isKnown()) return;
        Flow out = chain.get().out();
        if (out.shape().rank() == 1 && out.shape().dim(0) >= 2) return;
        Span at = loss.map(l -> l.name().span()).orElse(chain.get().last());
        reporter.report(Problems.lossShape(at, out));
    }

    /** The data set's name when it is one mtc knows (reported otherwise). */
    private String dataSet(Statement.Data statement) {
        Name name = statement.name();
        if (NamedDataSet.byName(name.text()).isPresent()) return name.text();
        reporter.report(Problems.unknownDataSet(name, NamedDataSet.names()));
        return null;
    }

    /** The weights must fit in the memory budget; the largest layer is the one to blame. */
    private void checkMemory(List<Layer> layers) {
        if (layers == null || layers.isEmpty()) return;
        long parameters = layers.stream().mapToLong(Layer::parameterCount).sum();
        if (parameters <= memoryBudgetBytes / Float.BYTES) return;
        Layer largest = layers.stream().max(Comparator.comparingLong(Layer::parameterCount)).orElseThrow();
        reporter.report(Problems.modelTooLarge(largest.span(), parameters, memoryBudgetBytes));
    }
}
