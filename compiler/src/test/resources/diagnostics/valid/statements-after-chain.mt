linear(784, 10)
loss cross_entropy
model Last
optimizer sgd
input [784]
