modle Mnist
linear(784, 10)
