"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

M = N = 200
TOP = 100_000


def slope(rng):
    """The land rises toward the bottom-right corner (height r + c, the corner itself 10^5).
    Water only ever moves to strictly lower land, so from (r, c) it reaches exactly the cells
    above and to the left of it: every cell drains into the Pacific, but only the bottom row
    and the right column reach the Atlantic. A search started from each cell walks its whole
    rectangle, about (M * N)^2 / 4 steps over the grid."""
    grid = [[r + c for c in range(N)] for r in range(M)]
    grid[M - 1][N - 1] = TOP
    return grid


def plateaus(rng):
    """Wide flat terraces with random low walls: long equal-height runs, where `>` versus
    `>=` matters, and large regions that a per-cell search walks again and again."""
    grid = [[(r // 25) * 10 + (c // 25) * 10 for c in range(N)] for r in range(M)]
    for _ in range(4000):
        r, c = rng.below(M), rng.below(N)
        grid[r][c] = rng.randint(0, TOP)
    return grid


def small(rng):
    """A 1..4 by 1..4 grid of heights 0..3: plateaus and ties are common."""
    m, n = rng.randint(1, 4), rng.randint(1, 4)
    top = rng.randint(0, 3)
    return {"heights": [[rng.randint(0, top) for _ in range(n)] for _ in range(m)]}


def main():
    rng = XorShift64(0x632BE59BD9B4E019)
    sol = Solution()
    for make in (slope, plateaus):
        grid = make(rng)
        emit({"heights": grid}, sol.pacificAtlantic([list(row) for row in grid]))


if __name__ == "__main__":
    main()
