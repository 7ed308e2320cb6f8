linear(784, 10)
schedule cosine(min_lr = -0.1)
