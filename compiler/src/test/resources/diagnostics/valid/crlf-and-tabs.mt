model	Tabbed
input	[784]
	linear(784, 64)
		-> relu	# tabbed comment
		-> linear(10)
