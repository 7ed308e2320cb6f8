linear(784,256) -> batchnorm -> relu -> dropout(0.2) -> linear(256,10)
