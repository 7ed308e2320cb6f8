# arrows may end a line or start the next one
linear(784, 256) ->
  relu

  # a comment between layers
  -> linear(256, 128) ->   # trailing comment

  relu
  -> linear(10)
