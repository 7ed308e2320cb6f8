model ConvLike
input [1, 28, 28]
batchnorm -> relu -> flatten -> linear(784, 64) -> batchnorm -> relu -> linear(10)
