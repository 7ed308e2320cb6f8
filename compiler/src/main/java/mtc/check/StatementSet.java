package mtc.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mtc.syntax.Program;
import mtc.syntax.Statement;

/**
 * A file's statements sorted by kind. Statements may come in any order, but each kind at most once
 * (constants once per name): a repeated one is reported and ignored, and so is an unknown one.
 */
record StatementSet(Optional<Statement.Model> model, Optional<Statement.Input> input, List<Statement.Let> lets,
                    Optional<Statement.Loss> loss, Optional<Statement.Optimizer> optimizer,
                    Optional<Statement.Schedule> schedule, Optional<Statement.Chain> chain) {
    static final List<String> KEYWORDS = List.of("model", "input", "let", "loss", "optimizer", "schedule");

    static StatementSet collect(Program program, Reporter reporter) {
        Builder builder = new Builder(reporter);
        program.statements().forEach(builder::add);
        return builder.build();
    }

    /** Keeps the first statement of each kind. */
    private static final class Builder {
        private final Reporter reporter;
        private Statement.Model model;
        private Statement.Input input;
        private final List<Statement.Let> lets = new ArrayList<>();
        private Statement.Loss loss;
        private Statement.Optimizer optimizer;
        private Statement.Schedule schedule;
        private Statement.Chain chain;

        Builder(Reporter reporter) {
            this.reporter = reporter;
        }

        void add(Statement statement) {
            if (statement instanceof Statement.Model s) model = first(model, s, "model");
            else if (statement instanceof Statement.Input s) input = first(input, s, "input");
            else if (statement instanceof Statement.Let s) lets.add(s);
            else if (statement instanceof Statement.Loss s) loss = first(loss, s, "loss");
            else if (statement instanceof Statement.Optimizer s) optimizer = first(optimizer, s, "optimizer");
            else if (statement instanceof Statement.Schedule s) schedule = first(schedule, s, "schedule");
            else if (statement instanceof Statement.Chain s) chain = firstChain(s);
            else unknown((Statement.Unknown) statement);
        }

        private <S extends Statement> S first(S existing, S next, String keyword) {
            if (existing == null) return next;
            reporter.report(Problems.duplicateStatement(keyword, next.span(), existing.span()));
            return existing;
        }

        private Statement.Chain firstChain(Statement.Chain next) {
            if (chain == null) return next;
            reporter.report(Problems.secondChain(next.span(), chain.span()));
            return chain;
        }

        private void unknown(Statement.Unknown statement) {
            reporter.report(Problems.unknownStatement(statement, KEYWORDS, Signatures.LAYERS));
        }

        StatementSet build() {
            return new StatementSet(Optional.ofNullable(model), Optional.ofNullable(input), lets,
                    Optional.ofNullable(loss), Optional.ofNullable(optimizer), Optional.ofNullable(schedule),
                    Optional.ofNullable(chain));
        }
    }
}
