"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic).

len(digits) <= 100, so these cases are the top of the constraints, not a timing trap: at this size no
slower approach can be told apart by time.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """One small digit list (length 1..8, no leading zero unless [0]), rich in 9s so carries are common."""
    if rng.below(8) == 0:
        return {"digits": [0]}
    n = rng.randint(1, 8)
    digits = [9 if rng.below(2) else rng.randint(0, 9) for _ in range(n)]
    if digits[0] == 0:
        digits[0] = rng.randint(1, 9)
    return {"digits": digits}


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    sol = Solution()
    # 100 digits: a random head then a run of 9s that the carry has to cross, and the all-9 number.
    head = [rng.randint(1, 9)] + [rng.randint(0, 8) for _ in range(39)]
    for digits in (head + [9] * 60, [9] * 100):
        emit({"digits": digits}, sol.plusOne(list(digits)))


if __name__ == "__main__":
    main()
