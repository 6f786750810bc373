"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
MAXV = 100_000


def apart(rng, n, lo, hi):
    # n sorted ranges inside [lo, hi] with a gap of at least 1 between neighbours
    # (room: each range takes 1..10 points plus a gap of 1..~, so hi - lo must be ~ >= 4n).
    width = (hi - lo + 1) // n
    out = []
    for k in range(n):
        base = lo + k * width
        s = base + rng.below(width // 2)
        e = s + rng.below(width // 2)
        out.append([s, e])
    return out


def small(rng):
    """0..5 apart sorted ranges in 0..12 and a new range in 0..12: touching, inside, around, apart."""
    intervals = []
    x = rng.randint(0, 2)
    for _ in range(rng.randint(0, 5)):
        if x > 12:
            break
        e = rng.randint(x, min(12, x + 2))
        intervals.append([x, e])
        x = e + rng.randint(1, 3)
    s = rng.randint(0, 12)
    return {"intervals": intervals, "newInterval": [s, rng.randint(s, min(12, s + 5))]}


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    sol = Solution()
    # One case (the file stays small): the list starts at 0 and the new range starts inside one of
    # the last ranges and reaches 10^5, swallowing the last six, so nothing can stop early.
    a = apart(rng, N, 0, MAXV)
    a[0] = [0, 0]
    new_a = [a[-6][0] + 1, MAXV]
    for intervals, new in ((a, new_a),):
        emit({"intervals": intervals, "newInterval": new},
             sol.insert([list(iv) for iv in intervals], list(new)))


if __name__ == "__main__":
    main()
