input [1, 28, 28]
relu
