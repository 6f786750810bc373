"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 20_000
BASES = 17_000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def main():
    rng = XorShift64(0xE7037ED1A0B428DB)
    # 17000 random short words (a few of them anagrams of each other by chance) plus 3000
    # rearrangements and exact repeats of them, shuffled. With thousands of groups, comparing
    # each word against every group found so far costs on the order of words * groups.
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
    emit({"strs": strs}, Solution().groupAnagrams(list(strs)))


def small(rng):
    """1-7 short lowercase words (0-4 letters from a 2-3 letter alphabet): repeats, anagrams, empty words."""
    alphabet = "abc"[: rng.randint(2, 3)]
    words = []
    for _ in range(rng.randint(1, 7)):
        if words and rng.below(3) == 0:  # a rearrangement (or exact copy) of an earlier word
            words.append("".join(rng.shuffled(words[rng.below(len(words))])))
        else:
            words.append("".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(0, 4))))
    return {"strs": words}


if __name__ == "__main__":
    main()
