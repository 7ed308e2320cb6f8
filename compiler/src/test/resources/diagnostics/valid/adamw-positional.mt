linear(784, 10)
optimizer adamw(1e-3, 0.8, 0.99, 1e-6, 0.05)
schedule cosine(1e-5, 1)
