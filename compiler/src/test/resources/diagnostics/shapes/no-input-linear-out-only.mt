linear(256) -> relu -> linear(10)
