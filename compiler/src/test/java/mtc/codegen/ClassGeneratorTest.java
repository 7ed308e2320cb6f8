package mtc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mtc.check.ActivationKind;
import mtc.check.CheckedModel;
import mtc.check.PoolKind;
import mtc.check.Shape;
import mtc.ir.GraphModels;
import mtc.ir.IrPipeline;
import mtc.ir.TestModels;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.NetworkSpec;
import mtc.runtime.TensorSpec;
import org.junit.jupiter.api.Test;

class ClassGeneratorTest {
    private static GeneratedClass generate(CheckedModel model) {
        return ClassGenerator.generate(IrPipeline.build(model));
    }

    @Test
    void seedModelClassVerifies() {
        GeneratedClass generated = generate(TestModels.seed(784, 256, 10, 0.2));
        ClassFileChecks.assertVerifies(generated.bytes());
        ClassFileChecks.assertMethodsCompilable(generated.bytes());
        assertEquals("mtc.gen.Seed", generated.name());
    }

    @Test
    void specDescribesTheStateDictLikePyTorch() {
        Network net = NetworkClasses.instantiate(generate(TestModels.seed(784, 256, 10, 0.2)));
        NetworkSpec spec = net.spec();
        assertEquals("Seed", spec.name());
        assertEquals(List.of(784), spec.inputShape());
        assertEquals(10, spec.classes());
        assertTrue(Double.isNaN(spec.defaultLr()));
        assertEquals(new TensorSpec("0.weight", DType.F32, List.of(256, 784), true), spec.tensors().get(0));
        assertEquals(new TensorSpec("1.num_batches_tracked", DType.I64, List.of()), spec.tensors().get(6));
        assertEquals(9, spec.tensors().size());
        assertEquals(256 * 784, net.floats(0).length);
        assertEquals(1, net.longs(6).length);
    }

    /** 2,000 layers: the phases must be split into a tree of methods, each one JIT-compilable. */
    @Test
    void twoThousandLayerModelGivesValidCompilableMethods() {
        TestModels.Chain chain = new TestModels.Chain("Deep", Shape.of(8));
        for (int i = 0; i < 500; i++) chain.linear(8).batchNorm().relu().dropout(0.1);
        GeneratedClass generated = generate(chain.linear(2).model());
        ClassFileChecks.assertVerifies(generated.bytes());
        ClassFileChecks.assertMethodsCompilable(generated.bytes());
        Network net = NetworkClasses.instantiate(generated);
        assertEquals(500 * 7 + 2, net.spec().tensors().size());
    }

    @Test
    void awkwardModelNamesStillGiveValidClasses() {
        for (String name : List.of("class", "3layers", "my-model", "naïve net", "")) {
            GeneratedClass generated = generate(new TestModels.Chain(name, Shape.of(4)).linear(2).model());
            ClassFileChecks.assertVerifies(generated.bytes());
            assertEquals(name, NetworkClasses.instantiate(generated).spec().name());
        }
    }

    @Test
    void defaultLearningRateComesFromTheOptimizerStatement() {
        CheckedModel model = new TestModels.Chain("Lr", Shape.of(4)).linear(3).lr(0.05).model();
        assertEquals(0.05, NetworkClasses.instantiate(generate(model)).spec().defaultLr());
    }

    /** Models that between them use every op, fused and unfused: each kernel call has its kernel. */
    @Test
    void everyKernelCallResolves() {
        TestModels.Chain activations = new TestModels.Chain("Act", Shape.of(6)).linear(20);
        for (ActivationKind kind : ActivationKind.values()) activations.activation(kind, 0.1).linear(20);
        TestModels.Chain images = new TestModels.Chain("Img", Shape.of(2, 7, 6)).conv2d(3, 3, 1, 1, 1, true)
                .batchNorm().relu().pool(PoolKind.MAX, 2, 2, 0).conv2d(4, 2, 1, 0, 1, false)
                .pool(PoolKind.AVERAGE, 2, 1, 1).globalAvgPool().flatten().linear(3);
        List<mtc.ir.Program> programs = new java.util.ArrayList<>();
        for (CheckedModel model : List.of(TestModels.seed(784, 256, 10, 0.2), activations.linear(3).model(),
                images.model())) {
            programs.add(IrPipeline.build(model));
            programs.add(TestModels.unfused(model));
        }
        programs.add(IrPipeline.build(GraphModels.residualRelu(6, 5, 3, true), true));
        programs.add(IrPipeline.build(GraphModels.residualRelu(6, 5, 3, false), false));
        programs.add(IrPipeline.build(GraphModels.checked(
                "input [2, 6, 6]\nconv2d(3, 3, padding=1) -> residual(conv2d(3, 3, padding=1)) -> relu -> flatten -> linear(3)\n")));
        for (mtc.ir.Program p : programs) ClassFileChecks.assertKernelCallsResolve(ClassGenerator.generate(p).bytes());
    }

    /** Twenty residual blocks: still straight-line code, split into methods HotSpot compiles. */
    @Test
    void twentyResidualBlocksStayWithinTheJitsLimits() {
        String text = "block basic(c) = conv2d(c, 3, padding=1) -> batchnorm -> relu -> conv2d(c, 3, padding=1)"
                + " -> batchnorm\ninput [1, 28, 28]\nconv2d(16, 3, padding=1)"
                + " -> residual(basic(16)) -> relu".repeat(20) + " -> global_avgpool -> flatten -> linear(10)\n";
        mtc.driver.FrontendResult result = mtc.driver.Frontend.check(new mtc.diag.SourceFile("deep.mt", text));
        assertTrue(result.model() != null, result.diagnostics().toString());
        GeneratedClass generated = ClassGenerator.generate(IrPipeline.build(result.model()));
        ClassFileChecks.assertVerifies(generated.bytes());
        ClassFileChecks.assertMethodsCompilable(generated.bytes());
        assertEquals(2 * 20 + 1, NetworkClasses.instantiate(generated).spec().tensors().stream()
                .filter(t -> t.name().endsWith("weight") && t.shape().size() == 4).count());
    }
}
