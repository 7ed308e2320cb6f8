#!/usr/bin/env python3
"""Coefficients of mtc.kernels.Gelu's erfc: a Chebyshev fit, checked against mpmath.

erfc(z) = t * exp(-z*z) * g(t) for z >= 0, with t = K / (K + z) in (0, 1]. g is smooth and lies in
[1/(K sqrt(pi)), 1], so a fit of g in Chebyshev polynomials of u = 2t - 1 = (K - z) / (K + z) has a
uniform *relative* error over all z >= 0: with K = 3 and degree 16 it is below 2e-12, far below
the float rounding (6e-8) that the kernels round to. The kernel evaluates it by Horner's rule in
u, so the fit is printed in powers of u (their magnitudes sum to about 1: no cancellation), and
the error is measured on that form. Run with /usr/bin/python3 (numpy, mpmath); it prints the Java
array and the measured maximum relative error.
"""
import mpmath as mp
import numpy as np
from numpy.polynomial import chebyshev

K, DEGREE, NODES = 3, 16, 400
mp.mp.dps = 40


def g(t):
    if t == 0:
        return 1 / (K * mp.sqrt(mp.pi))  # the limit of erfcx(z) / t as z -> infinity
    z = K / t - K
    return mp.erfc(z) * mp.exp(z * z) / t


def horner(p, u):
    r = 0.0
    for a in reversed(p):
        r = r * u + a
    return r


def main():
    u = np.cos(np.pi * (np.arange(NODES) + 0.5) / NODES)
    c = chebyshev.chebfit(u, [float(g(mp.mpf((v + 1) / 2))) for v in u], DEGREE)
    p = chebyshev.cheb2poly(c)
    t = np.linspace(0, 1, 5001)
    err = max(abs(horner(p, 2 * v - 1) / float(g(mp.mpf(v))) - 1) for v in t)
    print("    private static final double[] ERFCX_POWERS = {")
    for i in range(0, len(p), 3):
        print("            " + " ".join(f"{v!r}," for v in p[i:i + 3]))
    print("    };")
    print(f"// K = {K}, degree {DEGREE}: max relative error {err:.2e}")


if __name__ == "__main__":
    main()
