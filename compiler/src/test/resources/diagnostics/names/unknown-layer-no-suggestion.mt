input [1, 28, 28]
lstm(1, 8) -> flatten -> linear(10)
