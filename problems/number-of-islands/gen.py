"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def snake_rows(grid, top, bottom, cols):
    """Draw one snake-shaped island over rows top..bottom: full land rows on every other row,
    joined by a single land cell alternately at the right and the left end."""
    for r in range(top, bottom + 1):
        if (r - top) % 2 == 0:
            grid[r] = ["1"] * cols
        else:
            row = ["0"] * cols
            row[cols - 1 if (r - top) % 4 == 1 else 0] = "1"
            grid[r] = row


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    m = n = 300
    grid = [["0"] * n for _ in range(m)]
    # Rows 0..200: one snake island of about 30,000 cells, so a recursive flood fill goes
    # tens of thousands of calls deep and anything that re-walks the island per cell times out.
    snake_rows(grid, 0, 200, n)
    # Row 201 is water; rows 202..299: random land (about 45%), hundreds of small islands.
    for r in range(202, m):
        grid[r] = ["1" if rng.below(100) < 45 else "0" for _ in range(n)]
    emit({"grid": grid}, Solution().numIslands([row[:] for row in grid]))


def small(rng):
    """One small random map: 1..5 x 1..5, land density varying from sparse to full."""
    m, n = rng.randint(1, 5), rng.randint(1, 5)
    p = rng.randint(0, 10)
    return {"grid": [["1" if rng.below(10) < p else "0" for _ in range(n)] for _ in range(m)]}


if __name__ == "__main__":
    main()
