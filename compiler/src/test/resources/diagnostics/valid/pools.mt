input [3, 32, 32]
maxpool2d(3, stride=2, padding=1) -> avgpool2d(2) -> avgpool2d([2, 4], padding=[1, 2]) -> global_avgpool -> flatten -> linear(10)
