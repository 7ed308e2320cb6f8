block inner(c) = linear(c) -> dropout(2)
block outer(c) = inner(c) -> relu
input [8]
outer(8) -> residual(outer(8)) -> linear(2)
