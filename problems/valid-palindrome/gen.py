"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
OTHER = " ,.;:!?'\"-_()[]{}@#$%^&*/\\|~`+=<>"


def dress(rng, core):
    """Randomly upper-case letters and sprinkle punctuation between the characters."""
    out = []
    for ch in core:
        while rng.below(3) == 0:
            out.append(OTHER[rng.below(len(OTHER))])
        out.append(ch.upper() if rng.below(2) else ch)
    return out


def build(rng, n, break_middle):
    # the cleaned text is half + mirror(half); dressing adds about 50% punctuation
    half = [ALNUM[rng.below(len(ALNUM))] for _ in range(n // 3)]
    core = half + half[::-1]
    if break_middle:
        mid = len(half)
        # change one of the two middle characters so the only mismatch is at the very centre
        core[mid] = "x" if core[mid - 1] != "x" else "y"
    s = dress(rng, core)
    while len(s) < n:  # pad with punctuation at both ends to reach exactly n
        s.insert(0 if rng.below(2) else len(s), OTHER[rng.below(len(OTHER))])
    return "".join(s[:n]) if len(s) <= n else None


def main():
    rng = XorShift64(0xA11CE5EED)
    n = 100000
    for break_middle in (False, True):
        s = None
        while s is None:
            s = build(rng, n, break_middle)
        emit({"s": s}, Solution().isPalindrome(s), compact=False)


if __name__ == "__main__":
    main()
