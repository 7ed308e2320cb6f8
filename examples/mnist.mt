# The seed model: a multilayer perceptron for MNIST digits (28x28 grey images, 10 classes).
#   mtc train examples/mnist.mt --save build/mnist.safetensors
model Mnist
input [784]                  # one flattened image
let hidden = 256
linear(784, hidden)
  -> batchnorm
  -> relu
  -> dropout(p = 0.2)
  -> linear(hidden, 10)
loss cross_entropy
optimizer sgd(lr = 0.1)
