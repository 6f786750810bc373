"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

LOWER = "abcdefghijklmnopqrstuvwxyz"


def emit_case(s):
    emit({"s": s}, Solution().countSubstrings(s), compact=False)


def small(rng):
    """One short string (1-8 letters from a, b or a, b, c), for `codify problems check`."""
    alphabet = "ab" if rng.below(2) else "abc"
    return {"s": "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 8)))}


def main():
    rng = XorShift64(0x9A11D50)
    n = 4000
    # 1. random letters a-c: many short palindromes everywhere
    emit_case("".join(LOWER[rng.below(3)] for _ in range(n)))
    # 2. runs of one repeated letter (lengths 1-40) with the odd mirrored stretch: many longer palindromes
    s = []
    while len(s) < n:
        if rng.below(8) == 0 and len(s) >= 30:
            s += s[-30:][::-1]
        else:
            s += LOWER[rng.below(26)] * (1 + rng.below(40))
    emit_case("".join(s[:n]))


if __name__ == "__main__":
    main()
