"""Random small inputs for `codify problems check` (this problem has no large.jsonl to generate)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def _solved_grid(rng):
    """A complete valid Sudoku: the shifted pattern, relabelled and with rows/columns permuted inside bands."""
    digits = rng.shuffled("123456789")
    rows = [b * 3 + r for b in rng.shuffled(range(3)) for r in rng.shuffled(range(3))]
    cols = [b * 3 + c for b in rng.shuffled(range(3)) for c in rng.shuffled(range(3))]
    return [[digits[(r * 3 + r // 3 + c) % 9] for c in cols] for r in rows]


def small(rng):
    """A 9 x 9 board of "1".."9" and ".": valid boards, boards with one planted repeat, sparse random ones."""
    mode = rng.below(3)
    if mode == 2:
        # a few digits from a tiny set dropped anywhere: repeats in a row, column or box come up by chance
        board = [["."] * 9 for _ in range(9)]
        for _ in range(rng.randint(0, 6)):
            board[rng.below(9)][rng.below(9)] = "123"[rng.below(3)]
        return {"board": board}
    grid = _solved_grid(rng)
    keep = rng.randint(1, 10)  # keep each cell with probability keep / 10
    board = [[d if rng.below(10) < keep else "." for d in row] for row in grid]
    if mode == 1:
        # overwrite one cell with a digit copied from the same row, column or box (a repeat, unless it
        # lands on itself or the copied cell was blanked)
        r, c = rng.below(9), rng.below(9)
        kind = rng.below(3)
        if kind == 0:
            board[r][c] = grid[r][rng.below(9)]
        elif kind == 1:
            board[r][c] = grid[rng.below(9)][c]
        else:
            board[r][c] = grid[r // 3 * 3 + rng.below(3)][c // 3 * 3 + rng.below(3)]
    return {"board": board}
