linear(784, 10)
schedule cosine(warmup = -1)
