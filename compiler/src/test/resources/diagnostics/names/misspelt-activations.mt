input [8]
tanhh -> sigmod -> leakyrelu -> gelu -> linear(4)
