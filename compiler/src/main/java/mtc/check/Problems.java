package mtc.check;

import java.util.Collection;
import java.util.List;
import mtc.diag.Diagnostic;
import mtc.diag.Quoted;
import mtc.diag.Span;
import mtc.syntax.Name;
import mtc.syntax.Statement;
import mtc.syntax.Value;

/** Every diagnostic the checker can produce, with its wording, in one place. */
final class Problems {
    private Problems() {}

    // --- statements -----------------------------------------------------------------------------

    static Diagnostic unknownStatement(Statement.Unknown statement, Collection<String> keywords,
                                       Collection<String> layers) {
        Name keyword = statement.keyword();
        if (layers.contains(keyword.text())) {
            return Diagnostic.error(statement.next(), "expected '->' or end of line after layer '"
                    + keyword.text() + "'", "layers in a chain are joined by '->', e.g. linear(784, 10) -> relu");
        }
        return unknown("statement", keyword, keywords,
                "statements start with " + list(keywords, "or") + "; a chain of layers has no keyword");
    }

    static Diagnostic duplicateStatement(String keyword, Span second, Span first) {
        return Diagnostic.error(second, "duplicate " + Quoted.of(keyword) + " statement",
                "the first is at " + first + "; a file describes one model");
    }

    static Diagnostic secondChain(Span second, Span first) {
        return Diagnostic.error(second, "a second chain of layers; the model's chain starts at " + first,
                "join the chains with '->', or put this model in a file of its own");
    }

    static Diagnostic noChain(Span at) {
        return Diagnostic.error(at, "the file has no layers",
                "describe the model as a chain, e.g. linear(784, 256) -> relu -> linear(256, 10)");
    }

    static Diagnostic duplicateConstant(Name name, Span first) {
        return Diagnostic.error(name.span(), "constant " + Quoted.of(name.text()) + " is already defined at "
                + first, "give this constant another name, or delete one of the two lines");
    }

    // --- values ---------------------------------------------------------------------------------

    static Diagnostic integerOutOfRange(Span span) {
        return Diagnostic.error(span, "integer out of range: the limit is " + Integer.MAX_VALUE);
    }

    static Diagnostic numberOutOfRange(String text, Span span) {
        return Diagnostic.error(span, "number " + text + " is out of range");
    }

    static Diagnostic constantUsedBeforeDefinition(Name name, Span definition) {
        return Diagnostic.error(name.span(), "constant " + Quoted.of(name.text())
                + " is used before its definition at " + definition, "move its definition above this line");
    }

    static Diagnostic unknownConstant(Name name, Collection<String> known) {
        return unknown("constant", name, known, "define it first, e.g. let " + name.text() + " = 256");
    }

    // --- arguments ------------------------------------------------------------------------------

    static Diagnostic positionalAfterNamed(Span span) {
        return Diagnostic.error(span, "a positional argument cannot follow a named one",
                "put positional arguments first, or name this one too");
    }

    static Diagnostic tooManyArguments(Span span, Signature signature, int given) {
        int allowed = signature.parameters().size();
        if (allowed == 0) {
            return Diagnostic.error(span, signature.callee() + " takes no arguments",
                    "write " + signature.callee() + " on its own");
        }
        return Diagnostic.error(span, signature.callee() + " takes at most " + count(allowed, "argument")
                + ", but " + given + " were given", signature.missingHelp());
    }

    static Diagnostic unknownArgument(Name name, Signature signature) {
        if (signature.parameters().isEmpty()) {
            return Diagnostic.error(name.span(), signature.callee() + " takes no arguments",
                    "write " + signature.callee() + " on its own");
        }
        return unknown(signature.callee() + " argument", name, signature.names(),
                signature.callee() + " takes " + list(signature.names(), "and"));
    }

    static Diagnostic repeatedArgument(Name name, Span first) {
        return Diagnostic.error(name.span(), "argument " + Quoted.of(name.text()) + " is given twice",
                "the first is at " + first);
    }

    static Diagnostic notAnInteger(String parameter, Num num) {
        return Diagnostic.error(num.span(), parameter + " must be an integer, found " + num.shown());
    }

    static Diagnostic notABoolean(String parameter, Num num) {
        return Diagnostic.error(num.span(), parameter + " must be true or false, found " + num.shown());
    }

    static Diagnostic notANumber(String parameter, Num num) {
        return Diagnostic.error(num.span(), parameter + " must be a number, found " + num.shown());
    }

    static Diagnostic missingArgument(Name callee, Signature signature, Signature.Parameter parameter) {
        return Diagnostic.error(callee.span(), callee.text() + " needs " + parameter.meaning(),
                signature.missingHelp());
    }

    static Diagnostic notAPair(Value.ListLiteral list, Signature.Parameter parameter) {
        if (!parameter.pair()) return listNotAllowed(list);
        return Diagnostic.error(list.span(), parameter.name() + " takes one number or a pair [a, b], not "
                + count(list.items().size(), "number"), "e.g. " + parameter.name() + " = 3 or "
                + parameter.name() + " = [3, 5]");
    }

    static Diagnostic listNotAllowed(Value.ListLiteral list) {
        return Diagnostic.error(list.span(), "a list is not allowed here: expected one number");
    }

    /** {@code found} is the word written, or a description such as "a number". */
    static Diagnostic notAWord(Span at, String found, Signature.Parameter parameter) {
        String numbers = parameter.pair() ? "a number, a pair [a, b] or " : parameter.integral() ? "a number or " : "";
        List<String> quoted = parameter.words().stream().map(Quoted::of).toList();
        String shown = found.startsWith("a ") ? found : Quoted.of(found);
        return Diagnostic.error(at, parameter.name() + " takes " + numbers + list(quoted, "or") + ", not " + shown);
    }

    static Diagnostic notPositive(String what, Num num) {
        return Diagnostic.error(num.span(), what + " must be at least 1, found " + num.shown());
    }

    static Diagnostic outOfRange(Num num, String parameter, String range, String... help) {
        return Diagnostic.error(num.span(), parameter + " must be " + range + ", found " + num.shown(), help);
    }

    // --- names ----------------------------------------------------------------------------------

    static Diagnostic unknownLayer(Name name, Collection<String> layers) {
        return unknown("layer", name, layers, "the layers are " + list(layers, "and"));
    }

    static Diagnostic unknownLoss(Name name, Collection<String> losses) {
        return unknown("loss", name, losses, "the only loss so far is " + list(losses, "and"));
    }

    static Diagnostic unknownDataSet(Name name, Collection<String> known) {
        return unknown("data set", name, known, "the data sets mtc knows are " + list(known, "and")
                + "; name a folder of your own with --data DIR");
    }

    static Diagnostic unknownOptimizer(Name name, Collection<String> optimizers) {
        return unknown("optimizer", name, optimizers, "the optimizers are " + list(optimizers, "and"));
    }

    static Diagnostic unknownSchedule(Name name, Collection<String> schedules) {
        return unknown("schedule", name, schedules, "the schedules are " + list(schedules, "and"));
    }

    static Diagnostic nesterovWithoutMomentum(Num nesterov) {
        return Diagnostic.error(nesterov.span(), "nesterov needs a momentum greater than 0",
                "write sgd(momentum = 0.9, nesterov = true)");
    }

    // --- shapes ---------------------------------------------------------------------------------

    static Diagnostic linearMismatch(Num in, Flow flow, String outText) {
        int actual = flow.shape().dim(0);
        return Diagnostic.error(in.span(), "linear expects " + in.shown() + " input features, but "
                + flow.describe(), "write linear(" + actual + ", " + outText + "), or linear(" + outText
                + ") to infer the input size");
    }

    static Diagnostic linearNeedsVector(Name layer, Flow flow) {
        return Diagnostic.error(layer.span(), "linear expects a vector [n], but " + flow.describe(),
                "insert flatten before it: flatten -> linear(...)");
    }

    static Diagnostic cannotInferInputSize(Name layer, String outText) {
        return Diagnostic.error(layer.span(), "cannot infer the input size of the first linear layer",
                "write linear(N, " + outText + ") with the input size N, or add a line 'input [N]' before the chain");
    }

    static Diagnostic noInput(Name layer) {
        return Diagnostic.error(layer.span(), "the input shape is unknown: " + layer.text()
                + " cannot infer it", "add a line such as 'input [784]' or 'input [1,28,28]' before the chain");
    }

    static Diagnostic batchNormRank(Name layer, Flow flow) {
        return Diagnostic.error(layer.span(), "batchnorm expects [n] or [c,h,w], but " + flow.describe());
    }

    static Diagnostic lossShape(Span at, Flow flow) {
        String help = flow.shape().rank() == 1
                ? "a classifier needs at least 2 classes; end the chain with e.g. linear(10) for 10 classes"
                : "end the chain with flatten -> linear(10) for 10 classes";
        return Diagnostic.error(at, "cross_entropy needs class scores [C] with C >= 2, but "
                + flow.describe(), help);
    }

    /** {@code values} is {@code Long.MAX_VALUE} when the count itself overflows. */
    static Diagnostic sampleTooLarge(Span at, String what, long values) {
        String count = values == Long.MAX_VALUE ? "far too many" : Sizes.thousands(values);
        return Diagnostic.error(at, what + " has " + count + " values per sample; one tensor holds at most "
                + Sizes.thousands(Sizes.MAX_TENSOR));
    }

    // --- memory ---------------------------------------------------------------------------------

    static Diagnostic tensorTooLarge(Name layer, long in, long out) {
        long weights = in * out;
        return Diagnostic.error(layer.span(), "linear(" + in + ", " + out + ") has " + Sizes.thousands(weights)
                + " weights (" + Sizes.floats(weights) + "); one tensor holds at most "
                + Sizes.thousands(Sizes.MAX_TENSOR), "make the layer smaller");
    }

    static Diagnostic modelTooLarge(Span largest, long parameters, long budgetBytes) {
        return Diagnostic.error(largest, "the model's " + Sizes.thousands(parameters) + " parameters need "
                + Sizes.floats(parameters) + " of memory, more than the " + Sizes.bytes(budgetBytes)
                + " available", "make the layers smaller (this is the largest), or give Java more memory (-Xmx)");
    }

    // --- warnings -------------------------------------------------------------------------------

    static Diagnostic dropoutHasNoEffect(Span span) {
        return Diagnostic.warning(span, "dropout with p = 0 has no effect",
                "remove it, or drop some values, e.g. dropout(0.2)");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** "unknown KIND 'x'; did you mean 'y'?", or without a close match "unknown KIND 'x'" and help. */
    private static Diagnostic unknown(String kind, Name name, Collection<String> known, String help) {
        return Suggestions.closest(name.text(), known)
                .map(match -> Diagnostic.error(name.span(),
                        "unknown " + kind + " " + Quoted.of(name.text()) + "; did you mean " + Quoted.of(match) + "?"))
                .orElseGet(() -> Diagnostic.error(name.span(), "unknown " + kind + " " + Quoted.of(name.text()), help));
    }

    /** {@code a, b and c}. */
    private static String list(Collection<String> words, String conjunction) {
        List<String> all = List.copyOf(words);
        if (all.size() <= 1) return String.join("", all);
        return String.join(", ", all.subList(0, all.size() - 1)) + " " + conjunction + " " + all.get(all.size() - 1);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
