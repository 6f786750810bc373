"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 300    # the largest allowed side
FREE = 8   # rows and columns left without any zero


def small(rng):
    """One small grid: 1..5 rows and columns, values in -3..3, with no, few or many zeros."""
    m, n = rng.randint(1, 5), rng.randint(1, 5)
    density = rng.below(4)  # 0: no zeros at all, 1..3: about 1/8, 1/4, 1/2 of the cells
    grid = []
    for _ in range(m):
        row = []
        for _ in range(n):
            if density and rng.below(8) < (1, 2, 4)[density - 1]:
                row.append(0)
            else:
                row.append(rng.randint(-3, 3) or rng.randint(1, 3))
        grid.append(row)
    return {"matrix": grid}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    # 300 x 300 with about 95% of the cells zero, all inside the rows and columns outside a set of
    # FREE rows and FREE columns (scattered by shuffling). Only the FREE x FREE cells where those
    # rows and columns cross survive. About 81,000 zeros: clearing a whole row and column for each
    # one (O(m n (m + n))) costs about 4.9 * 10^7 cell writes, while two passes over the grid cost
    # 1.8 * 10^5.
    free_rows = set(rng.shuffled(range(N))[:FREE])
    free_cols = set(rng.shuffled(range(N))[:FREE])
    matrix = []
    for i in range(N):
        row = []
        for j in range(N):
            if i not in free_rows and j not in free_cols and rng.below(20):
                row.append(0)
            else:
                row.append(rng.randint(1, 9))
        matrix.append(row)
    # Make sure every non-free row and column really has a zero (one on the diagonal-ish spot).
    others_r = [i for i in range(N) if i not in free_rows]
    others_c = [j for j in range(N) if j not in free_cols]
    for k in range(len(others_r)):
        matrix[others_r[k]][others_c[k]] = 0
    answer = [row[:] for row in matrix]
    Solution().setZeroes(answer)
    emit({"matrix": matrix}, answer)

    # 300 x 150 whose only zeros sit in the last row, under half of the columns. Checking each
    # cell's row and column for a zero (O(m n (m + n)), even with an early exit at the first zero
    # found) walks almost a whole column for every cell of the zero-free rows above.
    m, n = N, N // 2
    matrix = [[rng.randint(1, 9) for _ in range(n)] for _ in range(m)]
    for j in rng.shuffled(range(n))[: n // 2]:
        matrix[m - 1][j] = 0
    answer = [row[:] for row in matrix]
    Solution().setZeroes(answer)
    emit({"matrix": matrix}, answer)


if __name__ == "__main__":
    main()
