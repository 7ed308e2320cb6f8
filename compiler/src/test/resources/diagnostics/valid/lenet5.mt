# LeNet-5 as torch_cnn.py builds it
input [1, 28, 28]
conv2d(1, 6, 5, padding=2) -> relu -> maxpool2d(2)
  -> conv2d(6, 16, 5) -> relu -> maxpool2d(2)
  -> flatten -> linear(400, 120) -> relu -> linear(120, 84) -> relu -> linear(84, 10)
