"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def snake(m, n):
    """An m x n crate whose fresh oranges form one snake-shaped path: full rows of oranges on every
    other row, joined by one orange alternately at the right and the left end; the rest is empty."""
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
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    # 1. One rotten orange at the head of a 20,000-orange snake: rot needs about 20,000
    #    minutes, so re-scanning the whole crate once per minute is quadratic and times out.
    grid = snake(200, 200)
    grid[0][0] = 2
    emit({"grid": grid}, sol.orangesRotting(grid))
    # 2. The same snake with the orange at (198, 1) removed: the last two oranges of the path
    #    (the row end and the tail below it) can never rot, so the answer is -1, known only after
    #    the whole snake has rotted.
    grid = snake(200, 200)
    grid[0][0] = 2
    grid[198][1] = 0
    emit({"grid": grid}, sol.orangesRotting(grid))
    # 3. A full crate: every cell an orange, about 0.1% of them rotten at random places.
    grid = [[2 if rng.below(1000) == 0 else 1 for _ in range(200)] for _ in range(200)]
    emit({"grid": grid}, sol.orangesRotting(grid))


def small(rng):
    """One small random crate: 1..5 x 1..5, with varying amounts of fresh and rotten oranges."""
    m, n = rng.randint(1, 5), rng.randint(1, 5)
    pf, pr = rng.randint(0, 10), rng.randint(0, 4)
    grid = []
    for _ in range(m):
        row = []
        for _ in range(n):
            x = rng.below(10)
            row.append(2 if x < pr else 1 if rng.below(10) < pf else 0)
        grid.append(row)
    return {"grid": grid}


if __name__ == "__main__":
    main()
