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
BASES = 17_000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def main():
    rng = XorShift64(0xE7037ED1A0B428DB)
    sol = Solution()
    # 17000 random short words (a few of them anagrams of each other by chance) plus 3000
    # rearrangements and exact repeats of them, shuffled. With thousands of groups, comparing each word against every group found
    # so far costs on the order of words * groups.
    bases = []
    for _ in range(BASES):
        length = 4 + rng.below(3)
        bases.append("".join(LETTERS[rng.below(26)] for _ in range(length)))
    strs = list(bases)
    while len(strs) < N:
        letters = list(bases[rng.below(BASES)])
        if rng.below(4):
            rng.shuffle(letters)
        strs.append("".join(letters))
    rng.shuffle(strs)
    expected = sol.groupAnagrams(list(strs))
    line = {"input": {"strs": strs}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
