input [2, 4, 4]
tanh -> sigmoid -> gelu -> leaky_relu(0.3) -> batchnorm -> flatten -> linear(4)
