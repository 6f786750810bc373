"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()


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


def emit_case(s, t):
    assert count_shortest(s, t) <= 1, "shortest window is not unique"
    emit({"s": s, "t": t}, Solution().minWindow(s, t), compact=False)


def main():
    rng = XorShift64(0x3141592653)
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
    emit_case("".join(s), "yzYZaab")
    # 2. a long t of lower-case letters; the share of upper-case noise in s falls from 75% at the
    #    start to 0% at the end, so the shortest window lies towards the end
    s = []
    for i in range(n):
        noise_pct = 75 - 75 * i // n
        s.append(UPPER[rng.below(26)] if rng.below(100) < noise_pct else LOWER[rng.below(26)])
    t = "".join(LOWER[rng.below(26)] for _ in range(30000))
    emit_case("".join(s), t)
    # 3. no answer: t asks for one more Q than s holds, so every scan must reach the end
    s = [LOWER[rng.below(26)] for _ in range(n)]
    for i in range(0, n, 997):
        s[i] = "Q"
    s = "".join(s)
    emit_case(s, "Qa" + "Q" * s.count("Q"))


def small(rng):
    """s of 1 to 8 and t of 1 to 4 characters from a 2- or 3-letter alphabet (a and A both occur), such
    that the shortest covering window, if any, is unique."""
    while True:
        alphabet = ["ab", "abA", "aAB"][rng.below(3)]
        s = "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 8)))
        t = "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 4)))
        if count_shortest(s, t) <= 1:
            return {"s": s, "t": t}


if __name__ == "__main__":
    main()
