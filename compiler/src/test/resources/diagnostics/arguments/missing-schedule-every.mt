linear(784, 10)
schedule step(gamma = 0.5)
