package mtc.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mtc.syntax.Name;
import mtc.syntax.Program;
import mtc.syntax.Statement;

/**
 * A file's statements sorted by kind. Statements may come in any order, but each kind at most once
 * (constants once per name): a repeated one is reported and ignored, and so is an unknown one.
 */
record StatementSet(Optional<Statement.Model> model, Optional<Statement.Input> input, List<Statement.Let> lets,
                    Optional<Statement.Loss> loss, Optional<Statement.Optimizer> optimizer,
                    Optional<Statement.Schedule> schedule, Optional<Statement.Data> data,
                    Optional<Statement.Chain> chain, Map<String, Statement.Block> blocks) {
    static final List<String> KEYWORDS = List.of("model", "input", "let", "loss", "optimizer", "schedule", "data",
            "block");

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
        private Statement.Data data;
        private Statement.Schedule schedule;
        private Statement.Chain chain;
        private final Map<String, Statement.Block> blocks = new LinkedHashMap<>();

        Builder(Reporter reporter) {
            this.reporter = reporter;
        }

        void add(Statement statement) {
            if (statement instanceof Statement.Model s) model = first(model, s, "model");
            else if (statement instanceof Statement.Input s) input = first(input, s, "input");
            else if (statement instanceof Statement.Let s) lets.add(s);
            else if (statement instanceof Statement.Loss s) loss = first(loss, s, "loss");
            else if (statement instanceof Statement.Optimizer s) optimizer = first(optimizer, s, "optimizer");
            else if (statement instanceof Statement.Data s) data = first(data, s, "data");
            else if (statement instanceof Statement.Schedule s) schedule = first(schedule, s, "schedule");
            else if (statement instanceof Statement.Chain s) chain = firstChain(s);
            else if (statement instanceof Statement.Block s) block(s);
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

        private void block(Statement.Block block) {
            Name name = block.name();
            if (LayerRules.isLayer(name.text())) {
                reporter.report(BlockProblems.blockNamedLikeLayer(name));
            } else if (blocks.containsKey(name.text())) {
                reporter.report(BlockProblems.duplicateBlock(name, blocks.get(name.text()).name().span()));
            } else {
                blocks.put(name.text(), block);
            }
            Set<String> seen = new HashSet<>();
            Set<String> used = BlockUses.constantsIn(block.body());
            for (Name parameter : block.parameters()) {
                if (!seen.add(parameter.text())) reporter.report(BlockProblems.duplicateParameter(parameter));
                else if (!used.contains(parameter.text())) reporter.report(BlockProblems.unusedParameter(parameter, name));
            }
        }

        private void unknown(Statement.Unknown statement) {
            reporter.report(Problems.unknownStatement(statement, KEYWORDS, Signatures.LAYERS));
        }

        StatementSet build() {
            return new StatementSet(Optional.ofNullable(model), Optional.ofNullable(input), lets,
                    Optional.ofNullable(loss), Optional.ofNullable(optimizer), Optional.ofNullable(schedule),
                    Optional.ofNullable(data), Optional.ofNullable(chain), blocks);
        }
    }
}
