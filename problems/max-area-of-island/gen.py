"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def snake(m, n):
    """An m x n grid holding one snake-shaped island: land on every other row, the rows joined
    by one land cell alternately at the right and the left end."""
    grid = []
    for r in range(m):
        if r % 2 == 0:
            grid.append([1] * n)
        else:
            row = [0] * n
            row[n - 1 if r % 4 == 1 else 0] = 1
            grid.append(row)
    return grid


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    sol = Solution()
    # 1. The largest grid, one snake island of about 20,000 cells: deep recursion, and any
    #    approach that re-explores the island from every one of its cells times out.
    grid = snake(200, 200)
    emit({"grid": grid}, sol.maxAreaOfIsland([row[:] for row in grid]))
    # 2. Random land (about 55%, just under the percolation point) in a 200 x 200 grid: many
    #    islands of all sizes, the largest ones big, so re-scanning per cell is quadratic too.
    grid = [[1 if rng.below(100) < 55 else 0 for _ in range(200)] for _ in range(200)]
    emit({"grid": grid}, sol.maxAreaOfIsland([row[:] for row in grid]))


def small(rng):
    """One small random grid: 1..5 x 1..5, land density varying from none to full."""
    m, n = rng.randint(1, 5), rng.randint(1, 5)
    p = rng.randint(0, 10)
    return {"grid": [[1 if rng.below(10) < p else 0 for _ in range(n)] for _ in range(m)]}


if __name__ == "__main__":
    main()
