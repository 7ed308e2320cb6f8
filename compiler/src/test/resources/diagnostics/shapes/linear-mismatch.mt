linear(784,256) -> relu -> linear(128,10)
