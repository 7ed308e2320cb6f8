let width = hidden
let hidden = 256
linear(784, width) -> linear(10)
