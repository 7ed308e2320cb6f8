input [2, 20, 30]
conv2d(2, 8, [3, 5], stride=[1, 2], padding=[1, 2], dilation=2, bias=false) -> flatten -> linear(10)
