"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

PRINTABLE = [chr(c) for c in range(32, 127)]  # 95 characters, space included


def emit_case(s):
    emit({"s": s}, Solution().lengthOfLongestSubstring(s), compact=False)


def main():
    rng = XorShift64(0x5EED0F5)
    n = 100000
    # 1. one permutation of 94 characters repeated over and over: every window of 94 is repeat-free,
    #    and the only window of 95 ends at the very last character, the one left out until then
    chars = rng.shuffled(PRINTABLE)
    missing, perm = chars[0], chars[1:]
    body = (perm * (n // len(perm) + 1))[: n - 1]
    emit_case("".join(body) + missing)
    # 2. uniformly random printable characters: many short windows, the left edge jumps often
    emit_case("".join(PRINTABLE[rng.below(95)] for _ in range(n)))


def small(rng):
    """0 to 8 characters from a 2- to 4-character alphabet (sometimes with a space)."""
    alphabet = ["ab", "abc", "ab c", "xyzw"][rng.below(4)]
    n = rng.randint(0, 8)
    return {"s": "".join(alphabet[rng.below(len(alphabet))] for _ in range(n))}


if __name__ == "__main__":
    main()
