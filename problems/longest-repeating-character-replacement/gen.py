"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def emit_case(s, k):
    emit({"s": s, "k": k}, Solution().characterReplacement(s, k), compact=False)


def main():
    rng = XorShift64(0xC0DE1234)
    n = 100000
    # 1. random letters, then near the end a stretch that is 75% Q: the best window sits there
    s = [LETTERS[rng.below(26)] for _ in range(n)]
    for i in range(n - 3000, n - 200):
        if rng.below(4):
            s[i] = "Q"
    emit_case("".join(s), 700)
    # 2. two letters, A slightly more common, and a large k: windows are tens of thousands long
    s = ["A" if rng.below(100) < 52 else "B" for _ in range(n)]
    emit_case("".join(s), 30000)


def small(rng):
    """1 to 8 letters from A/B (sometimes C or Z), and k anywhere in 0..len(s)."""
    alphabet = ["AB", "ABC", "AZ"][rng.below(3)]
    n = rng.randint(1, 8)
    s = "".join(alphabet[rng.below(len(alphabet))] for _ in range(n))
    k = rng.randint(0, n) if rng.below(2) else rng.randint(0, min(n, 2))
    return {"s": s, "k": k}


if __name__ == "__main__":
    main()
