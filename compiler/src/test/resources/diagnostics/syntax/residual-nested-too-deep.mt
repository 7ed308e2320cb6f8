input [8]
residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(residual(relu))))))))))))))))))))))))))))))))) -> linear(2)
