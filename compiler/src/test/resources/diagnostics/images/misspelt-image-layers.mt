input [1, 28, 28]
conv(8, 3) -> maxpool(2) -> globalavgpool -> flatten -> linear(10)
