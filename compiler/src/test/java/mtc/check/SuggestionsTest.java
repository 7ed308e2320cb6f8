package mtc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> LAYERS = List.of("linear", "batchnorm", "relu", "dropout", "flatten");

    @Test
    void swappedLettersCountAsOneEdit() {
        assertEquals(1, Suggestions.distance("batchnrom", "batchnorm"));
        assertEquals(Optional.of("batchnorm"), Suggestions.closest("batchnrom", LAYERS));
    }

    @Test
    void caseDoesNotMatter() {
        assertEquals(Optional.of("linear"), Suggestions.closest("Linear", LAYERS));
    }

    @Test
    void farNamesGetNoSuggestion() {
        assertEquals(Optional.empty(), Suggestions.closest("conv2d", LAYERS));
        assertEquals(Optional.empty(), Suggestions.closest("rate", List.of("lr")));
    }

    @Test
    void oneLetterNamesAllowOneEdit() {
        assertEquals(Optional.of("p"), Suggestions.closest("q", List.of("p")));
    }

    @Test
    void theNearestCandidateWins() {
        assertEquals(Optional.of("hidden"), Suggestions.closest("hiden", List.of("hidden2x", "hidden")));
    }
}
