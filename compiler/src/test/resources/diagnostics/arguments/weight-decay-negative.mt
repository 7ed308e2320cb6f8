linear(784, 10)
optimizer adamw(weight_decay = -0.01)
