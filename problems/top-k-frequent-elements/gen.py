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


N = 50_000
LO, HI = -10_000, 10_000
K = 1_000


def main():
    rng = XorShift64(0x8CB92BA72F3D8DD7)
    sol = Solution()
    # Every value in [-10^4, 10^4] occurs (20001 distinct values). K of them occur at least
    # 3 times, all others once or twice, so the top K is unique. Counting each distinct value
    # with a separate scan of the list costs about n * 20001 steps.
    values = list(range(LO, HI + 1))
    rng.shuffle(values)
    top, rest = values[:K], values[K:]
    freq = {v: 3 + rng.below(37) for v in top}
    for v in rest:
        freq[v] = 1 + rng.below(2)
    total = sum(freq.values())
    i = 0
    while total > N:  # turn some twos into ones
        v = rest[i]
        if freq[v] == 2:
            freq[v] = 1
            total -= 1
        i += 1
    while total < N:  # give the top values more copies
        freq[top[rng.below(K)]] += 1
        total += 1
    nums = [v for v in values for _ in range(freq[v])]
    rng.shuffle(nums)
    expected = sol.topKFrequent(list(nums), K)
    line = {"input": {"nums": nums, "k": K}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
