"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000
MAXH = 10_000


def ramp(rng):
    # Heights rise slowly from 1 to 10^4 (runs of equal bars): from every bar the rectangle stretches
    # to the right end, so growing each bar's rectangle outward, or splitting at the lowest bar,
    # costs ~n^2 / 2 steps. The best rectangle sits in the middle, not at either end.
    return [1 + (i * (MAXH - 1)) // (N - 1) for i in range(N)]


def random_bars(rng):
    # Random heights with some zeros and a few tall runs; any O(n^2) pairing of l and r times out.
    out = []
    while len(out) < N:
        kind = rng.below(20)
        if kind == 0:
            out.append(0)
        elif kind == 1:
            out += [MAXH - rng.below(50) for _ in range(rng.randint(1, 40))]
        else:
            out.append(rng.randint(0, MAXH))
    return out[:N]


def small(rng):
    """1 to 8 bars of heights 0..4, so equal heights, zeros and plateaus are common."""
    n = rng.randint(1, 8)
    hi = rng.randint(0, 4)
    return {"heights": [rng.randint(0, hi) for _ in range(n)]}


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    sol = Solution()
    for make in (ramp, random_bars):
        heights = make(rng)
        emit({"heights": heights}, sol.largestRectangleArea(list(heights)))


if __name__ == "__main__":
    main()
