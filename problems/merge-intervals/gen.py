"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 20_000
MAXV = 10_000


def many_groups(rng):
    # Every point 0..MAXV gets its own [x, x]; ranges [x, x] and [x + 1, x + 1] share no point,
    # so without bridges each point would be a separate group. About a thousand short ranges bridge
    # neighbours, the rest are repeats, and the answer still has thousands of ranges.
    out = [[x, x] for x in range(MAXV + 1)]
    while len(out) < N - 1200:
        x = rng.below(MAXV + 1)
        out.append([x, x])
    while len(out) < N:
        x = rng.below(MAXV - 3)
        out.append([x, x + 1 + rng.below(3)])
    rng.shuffle(out)
    return out


def small(rng):
    """1 to 6 ranges with ends in 0..6, so shared endpoints, nesting and repeats come up often."""
    intervals = []
    for _ in range(rng.randint(1, 6)):
        start = rng.randint(0, 6)
        intervals.append([start, rng.randint(start, min(6, start + 3))])
    return {"intervals": intervals}


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    sol = Solution()
    for make in (many_groups,):
        intervals = make(rng)
        emit({"intervals": intervals}, sol.merge([list(iv) for iv in intervals]))


if __name__ == "__main__":
    main()
