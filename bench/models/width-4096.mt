# Sweep model: the seed MLP (examples/mnist.mt) at hidden width 4096, so it matches the PyTorch
# reference run with --hidden 4096. Used by bench/sweep.sh.
model Width4096
input [784]
linear(784, 4096)
  -> batchnorm
  -> relu
  -> dropout(p = 0.2)
  -> linear(4096, 10)
loss cross_entropy
optimizer sgd(lr = 0.1)
