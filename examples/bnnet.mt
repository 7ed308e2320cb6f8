# A batch-normalised convolutional network, as ../shared/reference/torch_cnn.py --model bnnet builds it.
#   mtc train examples/bnnet.mt --data /usr/share/datasets/fashion-mnist --epochs 3
model BnNet
input [1, 28, 28]
conv2d(32, 3, padding=1) -> batchnorm -> relu -> maxpool2d(2)
  -> conv2d(64, 3, padding=1) -> batchnorm -> relu -> maxpool2d(2)
  -> flatten
  -> linear(128) -> relu
  -> linear(10)
optimizer sgd(lr = 0.05)
