input [8]
tanh(2) -> sigmoid(x = 1) -> gelu(approximate = 1) -> linear(4)
