"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def grid(rng, rows, cols):
    return [[rng.below(201) - 100 for _ in range(cols)] for _ in range(rows)]


def small(rng):
    """One small random input: an m x k grid, m and k in 1..6, values in -3..3 or all distinct."""
    rows, cols = rng.randint(1, 6), rng.randint(1, 6)
    if rng.below(2):
        cells = rng.shuffled(range(1, rows * cols + 1))
    else:
        cells = [rng.randint(-3, 3) for _ in range(rows * cols)]
    return {"matrix": [cells[r * cols:(r + 1) * cols] for r in range(rows)]}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    sol = Solution()
    # The largest square grid, and a tall grid with an odd, smaller width.
    for rows, cols in ((100, 100), (100, 37)):
        matrix = grid(rng, rows, cols)
        emit({"matrix": matrix}, sol.spiralOrder([row[:] for row in matrix]))


if __name__ == "__main__":
    main()
