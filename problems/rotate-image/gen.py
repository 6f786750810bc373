"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def grid(rng, n):
    return [[rng.below(2001) - 1000 for _ in range(n)] for _ in range(n)]


def small(rng):
    """One small random input: an n x n grid, n in 1..5, values in -3..3 or all distinct."""
    n = rng.randint(1, 5)
    if rng.below(2):
        cells = rng.shuffled(range(1, n * n + 1))
    else:
        cells = [rng.randint(-3, 3) for _ in range(n * n)]
    return {"matrix": [cells[r * n:(r + 1) * n] for r in range(n)]}


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    sol = Solution()
    # The largest allowed grid, and the largest odd one (which has a fixed centre cell).
    for n in (100, 99):
        matrix = grid(rng, n)
        rotated = [row[:] for row in matrix]
        sol.rotate(rotated)
        emit({"matrix": matrix}, rotated)


if __name__ == "__main__":
    main()
