package mtc.driver;

import mtc.codegen.GeneratedClass;
import mtc.codegen.NetworkClasses;
import mtc.ir.Program;
import mtc.runtime.Network;

/**
 * What compiling one error-free model gives: its IR and its generated class, and the data set its
 * {@code data} statement names (null without one), which the class does not hold.
 */
public record Compilation(Program program, GeneratedClass generated, String data) {
    /** A new instance of the generated class, loaded in this JVM (not yet initialised). */
    public Network instantiate() {
        return NetworkClasses.instantiate(generated);
    }
}
