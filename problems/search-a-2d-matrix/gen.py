"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def build(rng, m, n, lo, step):
    """An m x n matrix: rows non-decreasing, each row starting above the previous row's end."""
    matrix = []
    value = lo
    for _ in range(m):
        row = []
        for j in range(n):
            if j > 0:
                value += rng.below(step + 1)  # equal neighbours inside a row are allowed
            row.append(value)
        matrix.append(row)
        value += 1 + rng.below(step)  # strictly greater at the start of the next row
    return matrix


def small(rng):
    """A small valid matrix (1..4 x 1..4, values near 0, duplicates inside rows) and a nearby target."""
    m, n = rng.randint(1, 4), rng.randint(1, 4)
    matrix = build(rng, m, n, rng.randint(-6, 2), 2)
    target = rng.randint(matrix[0][0] - 2, matrix[-1][-1] + 2)
    return {"matrix": matrix, "target": target}


def main():
    rng = XorShift64(0x2D2D5EA4C4)
    m = n = 100
    # Values climb from -10^4 in steps of 0..2: the 10^4 cells end near 0..10^4.
    matrix = build(rng, m, n, -10_000, 2)
    assert matrix[-1][-1] <= 10_000
    # Present in the very last cell, present in the first, and absent between two cells.
    last = matrix[-1]
    gap = next(last[j] + 1 for j in range(n - 2, -1, -1) if last[j] + 1 < last[j + 1])
    for target in (matrix[-1][-1], matrix[0][0], gap):
        emit({"matrix": matrix, "target": target}, Solution().searchMatrix(matrix, target))


if __name__ == "__main__":
    main()
