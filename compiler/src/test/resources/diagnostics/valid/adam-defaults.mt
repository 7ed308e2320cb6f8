linear(784, 10)
optimizer adam
schedule cosine
