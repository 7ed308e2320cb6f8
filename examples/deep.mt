# A deep, narrow MLP: eight hidden layers, each normalised before its activation.
model DeepMlp
let width = 128
let drop = 0.1
linear(784, width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu -> dropout(drop) ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu -> dropout(drop) ->
linear(10)
loss cross_entropy
optimizer sgd(lr = 0.05)
