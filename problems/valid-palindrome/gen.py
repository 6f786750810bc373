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


def small(rng):
    """1 to 8 printable characters: letters of both cases, digits and punctuation, often palindromic."""
    alnum = "aAbB0OP1"  # 0 and P differ by 32 in ASCII, like a and A
    other = " .,!"
    if rng.below(2):
        # a mirrored core (case changed at random), sometimes with one character broken
        half = [alnum[rng.below(len(alnum))].lower() for _ in range(rng.randint(0, 3))]
        core = half + ([alnum[rng.below(len(alnum))]] if rng.below(2) else []) + half[::-1]
        if core and rng.below(3) == 0:
            core[rng.below(len(core))] = alnum[rng.below(len(alnum))]
        out = []
        for ch in core:
            if rng.below(3) == 0:
                out.append(other[rng.below(len(other))])
            out.append(ch.upper() if rng.below(2) else ch)
        if rng.below(3) == 0:
            out.append(other[rng.below(len(other))])
        s = "".join(out[:8])
    else:
        pool = alnum + other
        s = "".join(pool[rng.below(len(pool))] for _ in range(rng.randint(1, 8)))
    return {"s": s or other[rng.below(len(other))]}


if __name__ == "__main__":
    main()
