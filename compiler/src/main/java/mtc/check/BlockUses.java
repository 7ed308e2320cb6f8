package mtc.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import mtc.syntax.Argument;
import mtc.syntax.Call;
import mtc.syntax.Element;
import mtc.syntax.Statement;
import mtc.syntax.Value;

/** The names a chain's arguments refer to, nested chains included: what tells an unused block parameter. */
final class BlockUses {
    private BlockUses() {}

    static Set<String> constantsIn(Statement.Chain chain) {
        Set<String> names = new HashSet<>();
        Deque<Statement.Chain> pending = new ArrayDeque<>();
        pending.push(chain);
        while (!pending.isEmpty()) {
            for (Element element : pending.pop().layers()) {
                if (element instanceof Element.Residual r) {
                    pending.push(r.body());
                    r.shortcut().ifPresent(pending::push);
                } else {
                    for (Argument a : ((Call) element).arguments()) add(a.value(), names);
                }
            }
        }
        return names;
    }

    private static void add(Value value, Set<String> names) {
        if (value instanceof Value.ConstantRef ref) names.add(ref.name().text());
        if (value instanceof Value.ListLiteral list) list.items().forEach(item -> add(item, names));
    }
}
