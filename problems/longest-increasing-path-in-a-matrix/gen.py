"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

TOP = 2**31 - 1


def main():
    rng = XorShift64(0x10C6A7E4A5EED117)
    sol = Solution()
    # 200 x 200 snake: rows alternate direction and the values 0, 1, 2, ... follow it, so one
    # increasing path runs through all 40,000 cells. Walking every path from every start without
    # remembering results costs about (m n)^2 / 2 steps; a memoised search recurses 40,000 deep.
    snake = [[r * 200 + (c if r % 2 == 0 else 199 - c) for c in range(200)] for r in range(200)]
    # 200 x 100 diagonal ramp i + j: exponentially many increasing paths of the greatest length.
    ramp = [[r + c for c in range(100)] for r in range(200)]
    # 20 x 200 random values at the top of the value range, with TOP itself present.
    top = [[TOP - rng.below(1000) for _ in range(200)] for _ in range(20)]
    top[rng.below(20)][rng.below(200)] = TOP
    for matrix in (snake, ramp, top):
        emit({"matrix": matrix}, sol.longestIncreasingPath([row[:] for row in matrix]))


def small(rng):
    """1..4 x 1..4 matrix of values 0..3: equal neighbours, plateaus and single rows come up often."""
    m, n = rng.randint(1, 4), rng.randint(1, 4)
    return {"matrix": [[rng.randint(0, 3) for _ in range(n)] for _ in range(m)]}


if __name__ == "__main__":
    main()
