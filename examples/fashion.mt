# Fashion-MNIST (clothing, same format as MNIST): a wider network with two hidden layers.
#   mtc train examples/fashion.mt --data /usr/share/datasets/fashion-mnist
model FashionMlp
input [1, 28, 28]            # channels, height, width
flatten
  -> linear(512) -> batchnorm -> relu -> dropout(0.3)
  -> linear(256) -> batchnorm -> relu -> dropout(0.3)
  -> linear(10)
optimizer sgd(lr = 0.05)
