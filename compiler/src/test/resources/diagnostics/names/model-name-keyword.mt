model class
linear(784, 10)
