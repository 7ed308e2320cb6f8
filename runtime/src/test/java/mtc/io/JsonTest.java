package mtc.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesNestedValues() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, null], \"b\\u0041\": {\"c\": \"x\\n\"}} ");
        assertEquals(Map.of("a", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, null),
                "bA", Map.of("c", "x\n")), v);
    }

    @Test
    void rejectsWhatJsonDoesNotAllow() {
        for (String bad : List.of("{\"a\":1,}", "[01]", "{\"a\":1,\"a\":2}", "{'a':1}", "[1 2]", "\"abc", "[- 1]",
                "{} x", "", "[1.]", "\"a\tb\"")) {
            assertThrows(Json.SyntaxException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse("[".repeat(100_000)));
        assertEquals("nested deeper than 64 levels", e.getMessage());
    }
}
