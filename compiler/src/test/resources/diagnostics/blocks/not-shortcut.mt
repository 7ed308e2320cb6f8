input [8]
linear(8) -> residual(relu, skip = linear(8)) -> linear(2)
