"""Regenerate large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402


class XorShift64:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF or 1

    def next(self):
        x = self.s
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        self.s = x
        return x

    def below(self, n):
        return self.next() % n

    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j = self.below(i + 1)
            a[i], a[j] = a[j], a[i]


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


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    sol = Solution()
    for make in (many_groups,):
        intervals = make(rng)
        expected = sol.merge([list(iv) for iv in intervals])
        line = {"input": {"intervals": intervals}, "expected": expected, "hidden": True, "edge": "large"}
        print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
