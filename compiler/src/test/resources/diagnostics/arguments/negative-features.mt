linear(-784, 10)
