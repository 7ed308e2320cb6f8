linear(784, 10)
schedule step(every = 0)
