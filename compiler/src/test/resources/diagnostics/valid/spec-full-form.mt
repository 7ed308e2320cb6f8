# MNIST classifier (comments run from '#' to the end of the line)
model MnistMlp                 # class name; default: the file name in CamelCase
input [784]                    # shape of ONE sample, batch dimension implicit
let hidden = 256               # integer/float constants, usable as arguments
linear(784, hidden)
  -> batchnorm
  -> relu
  -> dropout(p = 0.2)          # positional or named arguments
  -> linear(hidden, 10)
loss cross_entropy             # softmax + mean cross-entropy (the default)
optimizer sgd(lr = 0.1)        # defaults for `mtc train`; flags override
