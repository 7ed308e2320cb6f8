/**
 * Bytecode generation with ASM (the only package that imports it). {@link mtc.codegen.ClassGenerator}
 * turns a {@link mtc.ir.Program} into one class extending {@code mtc.runtime.NetworkBase}: each phase
 * (initialise, forward in training and evaluation mode, backward, SGD update) is straight-line code,
 * one static kernel call per op ({@link mtc.codegen.KernelCalls}) with every feature size a constant,
 * split by {@link mtc.codegen.PhaseWriter} into methods small enough for HotSpot to compile. The
 * storage plan travels as text in the constructor ({@link mtc.codegen.LayoutText}). Kernel selection
 * ({@link mtc.codegen.KernelChoice}) decides from facts the IR states how each weight is stored and
 * which product skips the zeros of the data.
 */
package mtc.codegen;
