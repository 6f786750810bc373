"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 20_000
LO, HI = -50_000, 50_000


def mixed(rng):
    # Mostly short ranges spread over the whole span (many of them kept, many touching), plus
    # long ones that overlap lots of others, shuffled: a table over pairs of ranges (the O(n^2)
    # longest-chain DP) does about n^2 / 2 work.
    out = [[LO, LO + 1], [HI - 1, HI]]
    while len(out) < N:
        s = LO + rng.below(HI - LO)
        length = 1 + rng.below(8) if rng.below(10) else 1 + rng.below(5000)
        out.append([s, min(HI, s + length)])
    rng.shuffle(out)
    return out


def small(rng):
    """1..7 ranges with ends in -3..4, so touching, repeated, nested and negative ranges are common."""
    intervals = []
    for _ in range(rng.randint(1, 7)):
        s = rng.randint(-3, 3)
        intervals.append([s, rng.randint(s + 1, min(4, s + 4))])
    return {"intervals": intervals}


def main():
    rng = XorShift64(0x6A09E667F3BCC909)
    sol = Solution()
    intervals = mixed(rng)
    emit({"intervals": intervals}, sol.eraseOverlapIntervals([list(iv) for iv in intervals]))


if __name__ == "__main__":
    main()
