linear(784, 10)
schedule cosin(min_lr = 0)
