input [784]
linear(out = 128, in = 784) -> batchnorm(momentum = 0.01, eps = 1e-4) -> relu -> dropout(p = 0.5) -> linear(out = 10)
loss cross_entropy
optimizer sgd(lr = 0.01)
