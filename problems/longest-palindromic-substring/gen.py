"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def emit_case(s):
    emit({"s": s}, Solution().longestPalindrome(s), compact=False)


def small(rng):
    """One small random input: 1..8 letters from a 2- or 3-letter alphabet."""
    n = rng.randint(1, 8)
    alphabet = "ab" if rng.below(2) else "abc"
    return {"s": "".join(alphabet[rng.below(len(alphabet))] for _ in range(n))}


def main():
    rng = XorShift64(0xFACADE01)
    n = 4000
    # 1. random letters a-d (natural palindromes stay short) with a 61-character palindrome
    #    planted just before the end, so scanning from the left cannot stop early
    s = [ALNUM[rng.below(4)] for _ in range(n)]
    half = [ALNUM[rng.below(4)] for _ in range(30)]
    planted = half + [ALNUM[rng.below(4)]] + half[::-1]
    s[n - 10 - len(planted):n - 10] = planted
    emit_case("".join(s))
    # 2. random letters and digits with an even-length palindrome of 1200 characters at the very end
    s = [ALNUM[rng.below(len(ALNUM))] for _ in range(n - 1200)]
    half = [ALNUM[rng.below(len(ALNUM))] for _ in range(600)]
    emit_case("".join(s + half + half[::-1]))


if __name__ == "__main__":
    main()
