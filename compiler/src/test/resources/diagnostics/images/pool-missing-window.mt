input [1, 28, 28]
maxpool2d -> avgpool2d(stride=2) -> flatten -> linear(10)
