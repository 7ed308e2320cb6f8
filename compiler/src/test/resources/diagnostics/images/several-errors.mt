input [1, 28, 28]
conv2d(3, 8, 3) -> relu -> maxpool2d(2, padding=3) -> conv2d(8, 3, padding=same, stride=2)
  -> flatten -> linear(10)
