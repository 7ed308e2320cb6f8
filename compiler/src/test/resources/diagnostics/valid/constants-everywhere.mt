let channels = 1
let side = 28
let hidden = 300
let classes = 10
let drop = 0.25
let rate = 0.05
input [channels, side, side]
flatten -> linear(hidden) -> relu -> dropout(drop) -> linear(hidden, classes)
optimizer sgd(lr = rate)
