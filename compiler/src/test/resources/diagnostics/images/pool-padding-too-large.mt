input [1, 28, 28]
maxpool2d(2, padding=2) -> avgpool2d([3, 4], padding=[1, 3]) -> flatten -> linear(10)
