# Sweep model: the seed MLP (examples/mnist.mt) at hidden width 256, so it matches the PyTorch
# reference run with --hidden 256. Used by bench/sweep.sh.
model Width256
input [784]
linear(784, 256)
  -> batchnorm
  -> relu
  -> dropout(p = 0.2)
  -> linear(256, 10)
loss cross_entropy
optimizer sgd(lr = 0.1)
