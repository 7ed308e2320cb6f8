# ../shared/reference/torch_cnn.py --model resnet as a .mt file (one basic block more than
# examples/resnet.mt): the model of the residual-network speed comparison in bench/cnn.sh.
model TorchCnnResNet
block basic(c) = conv2d(c, 3, padding=1) -> batchnorm -> relu
              -> conv2d(c, 3, padding=1) -> batchnorm
block down(c)  = conv2d(c, 3, stride=2, padding=1) -> batchnorm -> relu
              -> conv2d(c, 3, padding=1) -> batchnorm
input [1, 28, 28]
conv2d(16, 3, padding=1) -> batchnorm -> relu
  -> residual(basic(16)) -> relu -> residual(basic(16)) -> relu
  -> residual(down(32), shortcut = conv2d(32, 1, stride=2) -> batchnorm) -> relu
  -> global_avgpool -> flatten -> linear(10)
