package mtc.syntax;

import java.util.List;

/** The syntax tree of one {@code .mt} file: its statements in source order. */
public record Program(List<Statement> statements) {
    public Program {
        statements = List.copyOf(statements);
    }
}
