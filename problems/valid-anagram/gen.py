"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100_000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    # s is random; t holds the same letters grouped from 'z' down to 'a'. The answer is true,
    # so nothing can stop early, and matching each letter of s by searching t scans far every
    # time because the letters of s are spread over the alphabet while t puts 'a' last.
    s = "".join(LETTERS[rng.below(26)] for _ in range(N))
    t = "".join(sorted(s, reverse=True))
    emit({"s": s, "t": t}, Solution().isAnagram(s, t))


def small(rng):
    """Two short lowercase strings over a 2-3 letter alphabet: anagrams, near misses, other lengths."""
    alphabet = "abc"[: rng.randint(2, 3)]
    n = rng.randint(1, 8)
    s = [alphabet[rng.below(len(alphabet))] for _ in range(n)]
    mode = rng.below(4)
    if mode == 0:    # a rearrangement of s: an anagram
        t = rng.shuffled(s)
    elif mode == 1:  # a rearrangement with one letter replaced
        t = rng.shuffled(s)
        t[rng.below(n)] = alphabet[rng.below(len(alphabet))]
    elif mode == 2:  # a rearrangement with one letter added or removed (lengths differ, unless n == 1)
        t = rng.shuffled(s)
        if rng.below(2) and n > 1:
            t.pop(rng.below(n))
        else:
            t.insert(rng.below(n + 1), alphabet[rng.below(len(alphabet))])
    else:            # an independent random string
        t = [alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 8))]
    return {"s": "".join(s), "t": "".join(t)}


if __name__ == "__main__":
    main()
