package mtc.driver;

import mtc.codegen.GeneratedClass;
import mtc.codegen.NetworkClasses;
import mtc.ir.Program;
import mtc.runtime.Network;

/** What compiling one error-free model gives: its IR and its generated class. */
public record Compilation(Program program, GeneratedClass generated) {
    /** A new instance of the generated class, loaded in this JVM (not yet initialised). */
    public Network instantiate() {
        return NetworkClasses.instantiate(generated);
    }
}
