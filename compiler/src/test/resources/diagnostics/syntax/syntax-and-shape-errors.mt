input [784]
let hidden = 256 256
linear(784, 128) -> relu -> linear(256, 10)
loss cross_entropy
optimizer sgd(lr = )
