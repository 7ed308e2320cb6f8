# Sweep model: the seed MLP (examples/mnist.mt) at hidden width 1024, so it matches the PyTorch
# reference run with --hidden 1024. Used by bench/sweep.sh.
model Width1024
input [784]
linear(784, 1024)
  -> batchnorm
  -> relu
  -> dropout(p = 0.2)
  -> linear(1024, 10)
loss cross_entropy
optimizer sgd(lr = 0.1)
