"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 300


def filler(rng, count, used):
    """`count` distinct random words of 3..20 letters from "xyz", none of them in `used`."""
    out = []
    while len(out) < count:
        w = "".join("xyz"[rng.below(3)] for _ in range(rng.randint(3, 20)))
        if w not in used:
            used.add(w)
            out.append(w)
    return out


def main():
    rng = XorShift64(0x5EED0F0A1B2C3D4E)
    sol = Solution()
    runs = ["a" * k for k in range(1, 21)]
    # 1. Runs of "a" of every length 1..20, and a final "b" that no word contains: the answer is
    #    False, but only after every way of cutting the a's has been ruled out, which a search
    #    without memory tries one by one (exponentially many).
    words = runs + filler(rng, 1000 - 20, set(runs))
    rng.shuffle(words)
    cases = [("a" * (N - 1) + "b", words)]
    # 2. The same string ending in "ab", with "ab" a word: True, and the only cut puts "ab" last.
    words = runs[:19] + ["ab"] + filler(rng, 1000 - 20, set(runs) | {"ab"})
    rng.shuffle(words)
    cases.append(("a" * (N - 2) + "ab", words))
    # 3. A string of "ab"/"aab" pieces with a full dictionary: True, found late by a longest-first
    #    greedy, and the set of word lengths is all of 1..20.
    pieces = []
    while sum(map(len, pieces)) < N - 3:
        pieces.append("ab" if rng.below(2) else "aab")
    s = "".join(pieces)
    s = s + "a" * (N - len(s))
    words = ["ab", "aab", "a", "ba", "aa"] + filler(rng, 1000 - 5, {"ab", "aab", "a", "ba", "aa"})
    rng.shuffle(words)
    cases.append((s, words))
    for s, words in cases:
        emit({"s": s, "wordDict": words}, sol.wordBreak(s, list(words)))


def small(rng):
    """s of 1..8 letters over "ab" (sometimes "abc"), 1..4 distinct words of 1..3 letters."""
    alphabet = "abc" if rng.below(4) == 0 else "ab"
    s = "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 8)))
    k = rng.randint(1, 4)
    words = []
    for _ in range(k * 3):
        if len(words) == k:
            break
        if rng.below(2) and len(s) >= 1:  # often a real piece of s
            i = rng.below(len(s))
            w = s[i:i + rng.randint(1, 3)]
        else:
            w = "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 3)))
        if w not in words:
            words.append(w)
    if rng.below(4) == 0:  # a word longer than most strings here
        w = "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(4, 9)))
        if w not in words:
            words.append(w)
    return {"s": s, "wordDict": words}


if __name__ == "__main__":
    main()
