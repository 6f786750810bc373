"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

LOWER = "abcdefghijklmnopqrstuvwxyz"


def emit_case(s1, s2):
    emit({"s1": s1, "s2": s2}, Solution().checkInclusion(s1, s2), compact=False)


def main():
    rng = XorShift64(0xD1CE5EED)
    m, n = 50000, 100000
    # 1. s1 never uses z; s2 is random letters a-y in which every 997th letter is a z,
    #    and ends with a rearrangement of s1: the only matching window is the last one
    s1 = [LOWER[rng.below(25)] for _ in range(m)]
    head = [LOWER[rng.below(25)] for _ in range(n - m)]
    for i in range(0, n - m, 997):
        head[i] = "z"
    emit_case("".join(s1), "".join(head + rng.shuffled(s1)))
    # 2. s2 is twice the same rearrangement of s1 with one letter turned into a z (s1 has none):
    #    every window of length len(s1) misses the match by exactly one letter
    s1 = [LOWER[rng.below(25)] for _ in range(m)]
    block = rng.shuffled(s1)
    block[rng.below(m)] = "z"
    emit_case("".join(s1), "".join(block + block))


def small(rng):
    """s1 of 1 to 4 letters and s2 of 1 to 8 letters over a 2- or 3-letter alphabet; often s2 holds a
    rearrangement of s1 (or one that is off by a letter)."""
    alphabet = ["ab", "abc", "ayz"][rng.below(3)]
    s1 = [alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 4))]
    n = rng.randint(1, 8)
    s2 = [alphabet[rng.below(len(alphabet))] for _ in range(n)]
    if len(s1) <= n and rng.below(2):
        block = rng.shuffled(s1)
        if rng.below(3) == 0:
            block[rng.below(len(block))] = alphabet[rng.below(len(alphabet))]
        at = rng.randint(0, n - len(s1))
        s2[at:at + len(s1)] = block
    return {"s1": "".join(s1), "s2": "".join(s2)}


if __name__ == "__main__":
    main()
