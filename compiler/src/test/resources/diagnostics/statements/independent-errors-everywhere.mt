modle Mnist
input [784]
let hidden = 256
linear(784, hiden)
  -> batchnorm(momentum = 2)
  -> relu
  -> linear(128, 10)
optimizer sgd(lr = 0)
