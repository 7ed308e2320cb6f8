package mtc.ir;

/** One method per op, so that a consumer of the IR (code generation) cannot forget one. */
public interface OpVisitor<R> {
    R visit(Op.MatMul op);
    R visit(Op.BiasAdd op);
    R visit(Op.BatchNormTrain op);
    R visit(Op.Conv2d op);
    R visit(Op.Pool2d op);
    R visit(Op.Activation op);
    R visit(Op.DropoutTrain op);
    R visit(Op.Reshape op);
    R visit(Op.Add op);
    R visit(Op.SoftmaxCrossEntropy op);
    R visit(Op.BatchNormEval op);
    R visit(Op.FusedBatchNormEvalRelu op);
    R visit(Op.SoftmaxEval op);
    R visit(Op.MatMulGradWeight op);
    R visit(Op.MatMulGradInput op);
    R visit(Op.BiasGrad op);
    R visit(Op.Conv2dGradInput op);
    R visit(Op.Conv2dGradWeight op);
    R visit(Op.Pool2dGrad op);
    R visit(Op.BatchNormGrad op);
    R visit(Op.ActivationGrad op);
    R visit(Op.DropoutGrad op);
    R visit(Op.SoftmaxCrossEntropyGrad op);
    R visit(Op.FusedBatchNormReluDropout op);
    R visit(Op.FusedBatchNormReluDropoutGrad op);
    R visit(Op.FusedBatchNormRelu op);
    R visit(Op.FusedBatchNormGradBias op);
    R visit(Op.FusedSoftmaxCrossEntropy op);
    R visit(Op.FusedReluMaxPool op);
    R visit(Op.FusedAddRelu op);
    R visit(Op.FusedAddReluGrad op);
    R visit(Op.FusedReluMaxPoolGrad op);
    R visit(Op.FusedConvReluMaxPool op);
    R visit(Op.FusedConvBias op);
    R visit(Op.OptimizerUpdate op);
    R visit(Op.FusedMatMulGradWeightUpdate op);
    R visit(Op.InitUniform op);
    R visit(Op.InitFill op);
    R visit(Op.InitCounter op);
}
