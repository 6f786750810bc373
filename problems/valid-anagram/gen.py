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


if __name__ == "__main__":
    main()
