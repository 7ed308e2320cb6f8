# LeNet-5 for MNIST digits, as ../shared/reference/torch_cnn.py --model lenet5 builds it.
#   mtc train examples/lenet5.mt --save build/lenet5.safetensors
model LeNet5
input [1, 28, 28]
conv2d(1, 6, 5, padding=2) -> relu -> maxpool2d(2)
  -> conv2d(6, 16, 5) -> relu -> maxpool2d(2)
  -> flatten
  -> linear(400, 120) -> relu
  -> linear(120, 84) -> relu
  -> linear(84, 10)
optimizer sgd(lr = 0.1)
