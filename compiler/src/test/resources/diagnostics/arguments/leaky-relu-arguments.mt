input [8]
leaky_relu(0.1, 0.2) -> leaky_relu(slope = 1e999) -> leaky_relu(negative_slope = 0.1) -> leaky_relu(slope = [1, 2]) -> linear(4)
