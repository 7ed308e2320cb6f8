input [8]
linear(16) -> tanh -> linear(16) -> sigmoid -> linear(16) -> gelu -> linear(16) -> leaky_relu -> linear(16) -> leaky_relu(slope = 0.2) -> leaky_relu(-1) -> linear(3)
