# A batch-normalised convolutional network, as ../shared/reference/torch_cnn.py --model bnnet builds it.
#   mtc train examples/bnnet.mt --data fashion-mnist --epochs 3
# The learning rate anneals to 0 by the last epoch (cosine): the test accuracy of a batch-normalised
# network at a constant rate swings by several points from epoch to epoch (PyTorch's too: 85.07,
# 89.73, 85.69% with lr 0.05), while the annealed one ends at 90.71% (seed 0) and 90.46% (seed 1).
model BnNet
input [1, 28, 28]
conv2d(32, 3, padding=1) -> batchnorm -> relu -> maxpool2d(2)
  -> conv2d(64, 3, padding=1) -> batchnorm -> relu -> maxpool2d(2)
  -> flatten
  -> linear(128) -> relu
  -> linear(10)
optimizer sgd(lr = 0.05)
schedule cosine
