input [1, 28, 28]
maxpool2d(2, stride=0) -> conv2d(8, 3, stride=[1, 0]) -> flatten -> linear(10)
