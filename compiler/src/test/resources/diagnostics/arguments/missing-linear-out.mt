input [784]
linear -> relu -> linear(10)
