linear(784, 10)
schedule cosine(warmpu = 2)
