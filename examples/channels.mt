# Images kept as [channels, height, width]: batchnorm normalises per channel (like BatchNorm2d)
# before flatten turns each image into a vector for the linear layers.
model ChannelNorm
input [1, 28, 28]
batchnorm(eps = 1e-5, momentum = 0.1)
  -> flatten
  -> linear(784, 128)
  -> relu
  -> linear(128, 10)
