package mtc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelNamesTest {
    @Test
    void fileNamesBecomeCamelCaseClassNames() {
        assertEquals("Mnist", ModelNames.fromFileName("mnist.mt"));
        assertEquals("MyNet2", ModelNames.fromFileName("my-net_2.mt"));
        assertEquals("FashionMLP", ModelNames.fromFileName("examples/fashionMLP.mt"));
        assertEquals("Deep", ModelNames.fromFileName("C:\\models\\deep.mt"));
    }

    @Test
    void namesThatCannotStartAnIdentifierArePrefixed() {
        assertEquals("Model2layer", ModelNames.fromFileName("2layer.mt"));
        assertEquals("Model", ModelNames.fromFileName("---.mt"));
    }
}
