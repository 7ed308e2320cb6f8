package mtc.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mtc.diag.Span;
import mtc.syntax.Argument;
import mtc.syntax.Call;
import mtc.syntax.Value;

/**
 * Matches a call's positional and named arguments to a {@link Signature}, reporting unknown,
 * repeated, surplus, missing and wrongly typed arguments, each at the argument concerned.
 */
final class ArgumentBinder {
    private final Constants constants;
    private final Reporter reporter;

    ArgumentBinder(Constants constants, Reporter reporter) {
        this.constants = constants;
        this.reporter = reporter;
    }

    BoundArguments bind(Call call, Signature signature) {
        Bound bound = new Bound();
        Map<String, Span> seen = new HashMap<>();
        boolean namedSeen = false;
        boolean misplaced = false;
        int position = 0;
        for (Argument argument : call.arguments()) {
            Optional<Signature.Parameter> parameter;
            if (argument.isNamed()) {
                namedSeen = true;
                parameter = named(argument, signature, seen);
                misplaced |= signature.parameter(argument.name().orElseThrow().text()).isEmpty();
            } else if (namedSeen) {
                reporter.report(Problems.positionalAfterNamed(argument.span()));
                misplaced = true;
                continue;
            } else if (position >= signature.parameters().size()) {
                reporter.report(Problems.tooManyArguments(argument.span(), signature, call.arguments().size()));
                break;
            } else {
                parameter = Optional.of(signature.parameters().get(position++));
            }
            parameter.ifPresent(p -> {
                seen.put(p.name(), argument.span());
                bound.add(argument, p);
            });
        }
        // An argument that could not be placed may be the missing one: saying so twice is noise.
        if (!misplaced) reportMissing(call, signature, seen);
        return new BoundArguments(bound.values, bound.pairs, bound.words, seen.keySet());
    }

    private Optional<Signature.Parameter> named(Argument argument, Signature signature, Map<String, Span> seen) {
        var name = argument.name().orElseThrow();
        Optional<Signature.Parameter> parameter = signature.parameter(name.text());
        if (parameter.isEmpty()) {
            reporter.report(Problems.unknownArgument(name, signature));
        } else if (seen.containsKey(name.text())) {
            reporter.report(Problems.repeatedArgument(name, seen.get(name.text())));
            return Optional.empty();
        }
        return parameter;
    }

    /** The arguments bound so far, each where its parameter's kind puts it. */
    private final class Bound {
        final Map<String, Num> values = new HashMap<>();
        final Map<String, List<Num>> pairs = new HashMap<>();
        final Map<String, String> words = new HashMap<>();

        void add(Argument argument, Signature.Parameter p) {
            Value value = argument.value();
            if (value instanceof Value.ConstantRef ref && p.words().contains(ref.name().text())) {
                words.put(p.name(), ref.name().text());
            } else if (value instanceof Value.ConstantRef ref && !p.words().isEmpty()
                    && (!p.integral() || !constants.isDefined(ref.name().text()))) {
                reporter.report(Problems.notAWord(ref.span(), ref.name().text(), p));
            } else if (!p.words().isEmpty() && !p.integral()) {
                reporter.report(Problems.notAWord(value.span(), "a number", p));
            } else if (value instanceof Value.ListLiteral list) {
                pair(list, p);
            } else {
                typed(value, p).ifPresent(num -> {
                    values.put(p.name(), num);
                    if (p.pair()) pairs.put(p.name(), List.of(num));
                });
            }
        }

        private void pair(Value.ListLiteral list, Signature.Parameter p) {
            if (!p.pair() || list.items().size() > 2) {
                reporter.report(Problems.notAPair(list, p));
                return;
            }
            List<Optional<Num>> items = list.items().stream().map(item -> typed(item, p)).toList();
            if (items.stream().allMatch(Optional::isPresent)) pairs.put(p.name(), items.stream().map(Optional::get).toList());
        }
    }

    private Optional<Num> typed(Value value, Signature.Parameter parameter) {
        if (value instanceof Value.ListLiteral list) {
            reporter.report(Problems.notAPair(list, parameter));
            return Optional.empty();
        }
        Optional<Num> num = constants.resolve(value);
        if (num.isPresent() && parameter.flag() != num.get().isBoolean()) {
            reporter.report(parameter.flag() ? Problems.notABoolean(parameter.name(), num.get())
                    : Problems.notANumber(parameter.name(), num.get()));
            return Optional.empty();
        }
        if (num.isPresent() && parameter.integral() && !num.get().isIntegral()) {
            reporter.report(Problems.notAnInteger(parameter.name(), num.get()));
            return Optional.empty();
        }
        return num;
    }

    private void reportMissing(Call call, Signature signature, Map<String, Span> seen) {
        List<Signature.Parameter> missing = signature.parameters().stream()
                .filter(p -> p.required() && !seen.containsKey(p.name())).toList();
        if (!missing.isEmpty()) reporter.report(Problems.missingArgument(call.name(), signature, missing.get(0)));
    }
}
