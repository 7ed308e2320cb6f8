# every setting named, as in the SPEC
let nesterov = true
linear(784, 10)
optimizer sgd(lr = 0.05, momentum = 0.9, nesterov = nesterov, weight_decay = 5e-4)
schedule step(every = 3, gamma = 0.1, warmup = 2)
