input [8, 7, 7]
global_avgpool(2) -> flatten -> linear(10)
