let p = 2.5e-1
let eps = 1E-3
let lr = .05
linear(784, 100) -> batchnorm(eps = eps, momentum = 0.) -> dropout(p) -> linear(100, 10)
optimizer sgd(lr)
