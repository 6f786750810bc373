"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 500
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word(rng, alphabet, n):
    return "".join(alphabet[rng.below(len(alphabet))] for _ in range(n))


def small(rng):
    """Two strings of 1 to 7 letters from a, b and c (sometimes a, b against c, d: nothing in common)."""
    if rng.below(6) == 0:
        return {"text1": word(rng, "ab", rng.randint(1, 7)), "text2": word(rng, "cd", rng.randint(1, 7))}
    alphabet = "abc"[: rng.randint(1, 3)] if rng.below(3) == 0 else "abc"
    return {"text1": word(rng, alphabet, rng.randint(1, 7)), "text2": word(rng, alphabet, rng.randint(1, 7))}


def main():
    rng = XorShift64(0x4C43535F32303236)
    sol = Solution()
    cases = [
        # Two letters only: long answer (about 400), every cell of the table matters.
        (word(rng, "ab", N), word(rng, "ab", N)),
        # All 26 letters, random: a medium-sized answer.
        (word(rng, LETTERS, N), word(rng, LETTERS, N)),
        # No letter in common: the answer is 0, and a search cannot stop before trying every pair.
        (word(rng, LETTERS[:13], N), word(rng, LETTERS[13:], N)),
    ]
    for text1, text2 in cases:
        emit({"text1": text1, "text2": text2}, sol.longestCommonSubsequence(text1, text2))


if __name__ == "__main__":
    main()
