# the data set a model is meant for
data fashion-mnist
input [1, 28, 28]
flatten -> linear(10)
