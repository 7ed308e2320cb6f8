block mlp(n) = linear(n) -> relu -> linear(n)
input [784]
linear(64) -> residual(mlp(64)) -> residual(relu, shortcut = linear(64)) -> linear(10)
