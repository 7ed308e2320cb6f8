let hidden = 256
let hidden = 128
linear(784, hidden) -> linear(10)
