linear(784, 10)
loss cross_entropi
