input [1, 28, 28]
conv2d(16, 5) -> maxpool2d(2) -> conv2d(16, 5) -> maxpool2d(2)
  -> conv2d(16, 5) -> flatten -> linear(10)
