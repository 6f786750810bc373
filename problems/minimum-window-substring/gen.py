"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1
LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()


class Rng:
    """64-bit xorshift, so the output never depends on Python's random module."""

    def __init__(self, seed):
        self.s = seed & MASK or 1

    def next(self):
        x = self.s
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        self.s = x
        return x

    def below(self, n):
        return self.next() % n


def count_shortest(s, t):
    """How many windows of s have the minimum covering length (the statement promises 0 or 1)."""
    need = Counter(t)
    have = Counter()
    missing = len(t)
    left = 0
    best, ties = len(s) + 1, 0
    for right, ch in enumerate(s):
        if have[ch] < need[ch]:
            missing -= 1
        have[ch] += 1
        if missing:
            continue
        while have[s[left]] > need[s[left]]:
            have[s[left]] -= 1
            left += 1
        # [left, right] is the shortest covering window that ends at right
        length = right - left + 1
        if length < best:
            best, ties = length, 1
        elif length == best:
            ties += 1
    return ties


def emit(s, t):
    assert count_shortest(s, t) <= 1, "shortest window is not unique"
    expected = Solution().minWindow(s, t)
    row = {"input": {"s": s, "t": t}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0x3141592653)
    n = 100000
    # 1. t needs y, z, Y, Z, which appear only every ~1500 characters, so covering windows are long;
    #    near the end the four of them sit close together, giving the one short window
    s = [LOWER[rng.below(24)] for _ in range(n)]  # a..x only
    rare = "yzYZ"
    pos, k = 700, 0
    while pos < n - 3000:
        s[pos] = rare[k % 4]
        k += 1
        pos += 1200 + rng.below(600)
    for off, ch in zip((n - 1400, n - 1391, n - 1377, n - 1362), "ZyYz"):
        s[off] = ch
    emit("".join(s), "yzYZaab")
    # 2. a long t of lower-case letters; the share of upper-case noise in s falls from 75% at the
    #    start to 0% at the end, so the shortest window lies towards the end
    s = []
    for i in range(n):
        noise_pct = 75 - 75 * i // n
        s.append(UPPER[rng.below(26)] if rng.below(100) < noise_pct else LOWER[rng.below(26)])
    t = "".join(LOWER[rng.below(26)] for _ in range(30000))
    emit("".join(s), t)
    # 3. no answer: t asks for one more Q than s holds, so every scan must reach the end
    s = [LOWER[rng.below(26)] for _ in range(n)]
    for i in range(0, n, 997):
        s[i] = "Q"
    s = "".join(s)
    emit(s, "Qa" + "Q" * s.count("Q"))


main()
