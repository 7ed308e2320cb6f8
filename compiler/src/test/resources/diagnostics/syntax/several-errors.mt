model
input [784
linear(784, 10) -> -> relu
let = 3
