input [784]
	linear(784, 256)
		-> relu ->  )
