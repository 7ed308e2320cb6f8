# Fashion-MNIST (clothing, same format as MNIST): a wider network with two hidden layers.
#   mtc train examples/fashion.mt     (Debian: apt-get install dataset-fashion-mnist)
model FashionMlp
data fashion-mnist           # what mtc train and eval use unless --data says otherwise
input [1, 28, 28]            # channels, height, width
flatten
  -> linear(512) -> batchnorm -> relu -> dropout(0.3)
  -> linear(256) -> batchnorm -> relu -> dropout(0.3)
  -> linear(10)
optimizer sgd(lr = 0.05)
