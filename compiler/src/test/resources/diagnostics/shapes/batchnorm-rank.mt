input [28, 28]
batchnorm -> flatten -> linear(10)
