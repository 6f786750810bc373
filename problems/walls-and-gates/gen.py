"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

INF = 2147483647


def snake(m, n):
    """An m x n plan whose rooms form one snake-shaped corridor: full rows of rooms on every other
    row, joined by one room alternately at the right and the left end; the rest is wall."""
    plan = []
    for r in range(m):
        if r % 2 == 0:
            plan.append([INF] * n)
        else:
            row = [-1] * n
            row[n - 1 if r % 4 == 1 else 0] = INF
            plan.append(row)
    return plan


def solved(plan):
    out = [row[:] for row in plan]
    Solution().wallsAndGates(out)
    return out


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    # 1. 250 rows, 64 columns: one corridor of about 8,000 rooms with a single gate at its head.
    #    Searching from each room separately walks the corridor once per room (quadratic), and a
    #    depth-first search from the gate goes about 8,000 calls deep.
    plan = snake(250, 64)
    plan[0][0] = 0
    emit({"rooms": plan}, solved(plan))
    # 2. 64 rows, 250 columns: random walls (25%) and about 250 gates. Searching from each gate
    #    separately over the whole plan costs gates * cells. The bottom-right 6 x 6 block is
    #    sealed off by walls and holds no gate: those rooms must stay 2147483647.
    m, n = 64, 250
    plan = []
    for _ in range(m):
        row = []
        for _ in range(n):
            x = rng.below(1000)
            row.append(-1 if x < 250 else 0 if x < 266 else INF)
        plan.append(row)
    for r in range(m - 7, m):
        for c in range(n - 7, n):
            plan[r][c] = -1 if r == m - 7 or c == n - 7 else INF
    emit({"rooms": plan}, solved(plan))


def small(rng):
    """One small random plan: 1..5 x 1..5 cells, with varying shares of walls, gates and rooms."""
    m, n = rng.randint(1, 5), rng.randint(1, 5)
    pw, pg = rng.randint(0, 5), rng.randint(0, 3)
    plan = []
    for _ in range(m):
        row = []
        for _ in range(n):
            x = rng.below(10)
            row.append(-1 if x < pw else 0 if x < pw + pg else INF)
        plan.append(row)
    return {"rooms": plan}


if __name__ == "__main__":
    main()
