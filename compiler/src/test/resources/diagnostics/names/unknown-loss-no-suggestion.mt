linear(784, 10)
loss mse
