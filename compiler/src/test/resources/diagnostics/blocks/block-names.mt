block relu(c) = linear(c)
block pair(c) = linear(c) -> relu
block pair(c) = linear(c)
block triple(c, c) = linear(c)
input [8]
pair(4) -> linear(2)
