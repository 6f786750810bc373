"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

TOP = 2**31 - 1


def base_for(rng, n, sign):
    """A base with 10 decimals, of the given sign, such that |x^n| lands between about 10 and 10^4."""
    # |x^n| = exp(n * ln|x|); pick n * ln|x| in [2.5, 9.0] (e^9 ~ 8103 < 10^4), so the running
    # product never reaches 0 or infinity early and a loop cannot stop before all |n| multiplications.
    target = 2.5 + rng.below(6500) / 1000.0
    return sign * float("%.10f" % math.exp(target / n))


def small(rng):
    """One small input: x in -3..3 in steps of 0.25 with n in -6..6, or x = +-1 / 0 with a huge n."""
    kind = rng.below(6)
    if kind == 0:
        # +-1 with an exponent anywhere in the range (odd or even, either sign)
        return {"x": float(rng.below(2) * 2 - 1), "n": rng.randint(-(2**31), TOP)}
    if kind == 1:
        return {"x": 0.0, "n": rng.randint(1, 6)}
    while True:
        x = rng.randint(-12, 12) / 4.0
        n = rng.randint(-6, 6)
        if (x != 0 or n > 0) and abs(x) ** n <= 10**4:
            return {"x": x, "n": n}


def main():
    rng = XorShift64(0x853C49E6748FEA9B)
    sol = Solution()
    # |n| at the top of the range (2^31 multiplications one at a time) with a base near 1: the
    # largest n, the smallest n (base just below 1), and a negative base with odd n (negative result).
    for n, sign in ((TOP, 1), (-(2**31), 1), (TOP, -1)):
        x = base_for(rng, n, sign)
        emit({"x": x, "n": n}, sol.myPow(x, n))


if __name__ == "__main__":
    main()
