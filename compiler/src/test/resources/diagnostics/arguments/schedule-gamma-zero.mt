linear(784, 10)
schedule step(every = 3, gamma = 0)
