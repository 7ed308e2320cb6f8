linear(784, 10)
optimizer adam(eps = -1e-8)
