let hidden = 256
linear(784, hiden) -> relu -> linear(hidden, 10)
