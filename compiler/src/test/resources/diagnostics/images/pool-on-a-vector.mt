input [784]
maxpool2d(2) -> linear(10)
