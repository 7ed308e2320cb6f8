# Sweep model: 8 hidden blocks (linear -> batchnorm -> relu) of width 256, then a linear
# classifier. Used by bench/sweep.sh to check that cost follows FLOPs as depth grows.
model Depth8
input [784]
let width = 256
linear(784, width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(width) -> batchnorm -> relu ->
linear(10)
loss cross_entropy
optimizer sgd(lr = 0.05)
