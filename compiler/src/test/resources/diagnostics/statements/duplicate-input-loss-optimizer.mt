input [784]
loss cross_entropy
optimizer sgd(lr = 0.1)
linear(10)
input [784]
loss cross_entropy
optimizer sgd
