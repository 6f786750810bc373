"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def snake(board, top, left, height, width):
    """Draw a snake-shaped region of "O" in the box at (top, left) of the given size: full rows of
    "O" on every other row of the box, joined by one "O" alternately at the right and the left end."""
    for k in range(height):
        r = top + k
        if k % 2 == 0:
            for c in range(left, left + width):
                board[r][c] = "O"
        else:
            board[r][left + width - 1 if k % 4 == 1 else left] = "O"


def main():
    rng = XorShift64(0xD6E8FEB86659FD93)
    m = n = 200
    board = [["X"] * n for _ in range(m)]
    # Left half: a snake of about 9,800 "O" cells inside the border that reaches the edge only at
    # its last row (through a short tail down to the bottom edge), so it is safe, but only a flood
    # from that single edge cell can tell; checking each cell's own way out is quadratic, and a
    # recursive flood goes thousands of calls deep.
    snake(board, 1, 1, 197, 98)
    board[198][1] = "O"
    board[199][1] = "O"
    # Right half: another snake of the same size that never touches the edge: it is captured.
    snake(board, 1, 101, 197, 98)
    # A few random "O" cells on the right edge that touch no snake: they stay.
    for r in range(m):
        if rng.below(3) == 0 and board[r][n - 2] == "X":
            board[r][n - 1] = "O"
    expected = [row[:] for row in board]
    Solution().solve(expected)
    emit({"board": board}, expected)


def small(rng):
    """One small random board: 1..6 x 1..6, with a varying share of "O" cells."""
    m, n = rng.randint(1, 6), rng.randint(1, 6)
    p = rng.randint(0, 10)
    return {"board": [["O" if rng.below(10) < p else "X" for _ in range(n)] for _ in range(m)]}


if __name__ == "__main__":
    main()
